/*
 * wasi_demo: a WASI command for the runtime's WASI tests (Tests/WasmRuntimeTests/WASICommandTests.swift).
 * Built with emcc -sSTANDALONE_WASM (mk/wasi-tests.mk). Emscripten's standalone libc does
 * stdio, argv, environ and exit through WASI but has no file system, so the file part calls
 * the WASI functions of <wasi/api.h> directly, as a libc would.
 *
 * Usage: wasi_demo EXIT_CODE [ARGS...], with a preopened directory holding input.txt and the
 * symbolic links `inside` -> input.txt and `escape` -> ../outside (outside the preopen).
 * It prints what it does, one line per step, writes output.txt (input.txt in upper case),
 * creates made/, renames a file into it, removes another, lists the directory, shows that
 * paths leading outside are refused, and exits with EXIT_CODE.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

static __wasi_fd_t preopen = (__wasi_fd_t)-1;

/* Finds the first preopened directory, as libc does at start-up: fds from 3 on until
 * fd_prestat_get answers EBADF. */
static void find_preopen(void) {
    for (__wasi_fd_t fd = 3;; fd++) {
        __wasi_prestat_t prestat;
        if (__wasi_fd_prestat_get(fd, &prestat) != 0) break;
        char name[256] = {0};
        if (prestat.u.dir.pr_name_len >= sizeof name) continue;
        if (__wasi_fd_prestat_dir_name(fd, (uint8_t *)name, prestat.u.dir.pr_name_len) != 0) continue;
        printf("preopen %u: %s\n", (unsigned)fd, name);
        if (preopen == (__wasi_fd_t)-1) preopen = fd;
    }
}

static __wasi_errno_t open_at(const char *path, __wasi_lookupflags_t lookup, __wasi_oflags_t oflags,
                              __wasi_rights_t rights, __wasi_fd_t *fd) {
    return __wasi_path_open(preopen, lookup, path, strlen(path), oflags, rights, rights, 0, fd);
}

/* Reads a whole file into buffer (NUL-terminated); returns its length or -errno. */
static int read_file(const char *path, __wasi_lookupflags_t lookup, char *buffer, size_t size) {
    __wasi_fd_t fd;
    __wasi_errno_t error = open_at(path, lookup, 0, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK, &fd);
    if (error != 0) return -(int)error;
    size_t total = 0;
    for (;;) {
        __wasi_iovec_t iov = {(uint8_t *)buffer + total, size - 1 - total};
        __wasi_size_t got;
        error = __wasi_fd_read(fd, &iov, 1, &got);
        if (error != 0 || got == 0) break;
        total += got;
    }
    buffer[total] = 0;
    if (__wasi_fd_close(fd) != 0) return -1000;
    return error ? -(int)error : (int)total;
}

static __wasi_errno_t write_file(const char *path, const char *first, const char *second) {
    __wasi_fd_t fd;
    __wasi_errno_t error = open_at(path, 0, __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC,
                                   __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_TELL, &fd);
    if (error != 0) return error;
    /* Two buffers in one fd_write: the gather path. */
    __wasi_ciovec_t iovs[2] = {{(const uint8_t *)first, strlen(first)}, {(const uint8_t *)second, strlen(second)}};
    __wasi_size_t written;
    error = __wasi_fd_write(fd, iovs, 2, &written);
    if (error == 0) printf("wrote %s: %u bytes\n", path, (unsigned)written);
    __wasi_filesize_t position, told;
    if (error == 0 && __wasi_fd_seek(fd, 5, __WASI_WHENCE_SET, &position) == 0 && __wasi_fd_tell(fd, &told) == 0)
        printf("seek/tell: %llu %llu\n", (unsigned long long)position, (unsigned long long)told);
    (void)__wasi_fd_close(fd);
    return error;
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists the preopen with fd_readdir and a small buffer (entries cut at its end are read
 * again from their cookie), sorted, without "." and "..". */
static void list_directory(void) {
    static char names[64][64];
    char *sorted[64];
    int count = 0;
    uint8_t buffer[80];
    __wasi_dircookie_t cookie = 0;
    for (;;) {
        __wasi_size_t used;
        if (__wasi_fd_readdir(preopen, buffer, sizeof buffer, cookie, &used) != 0) {
            printf("readdir failed\n");
            return;
        }
        size_t offset = 0;
        int progressed = 0;
        while (offset + sizeof(__wasi_dirent_t) <= used) {
            __wasi_dirent_t entry;
            memcpy(&entry, buffer + offset, sizeof entry);
            if (offset + sizeof entry + entry.d_namlen > used) break; /* cut: read again */
            const char *name = (const char *)buffer + offset + sizeof entry;
            if (!(entry.d_namlen == 1 && name[0] == '.') && !(entry.d_namlen == 2 && !memcmp(name, "..", 2)) &&
                count < 64 && entry.d_namlen < 64) {
                memcpy(names[count], name, entry.d_namlen);
                names[count][entry.d_namlen] = 0;
                sorted[count] = names[count];
                count++;
            }
            cookie = entry.d_next;
            offset += sizeof entry + entry.d_namlen;
            progressed = 1;
        }
        if (used < sizeof buffer || !progressed) break;
    }
    qsort(sorted, count, sizeof sorted[0], compare_names);
    printf("listing:");
    for (int i = 0; i < count; i++) printf(" %s", sorted[i]);
    printf("\n");
}

int main(int argc, char **argv) {
    printf("hello from wasm: argc=%d", argc);
    for (int i = 1; i < argc; i++) printf(" argv[%d]=%s", i, argv[i]);
    printf("\n");
    const char *greeting = getenv("GREETING");
    printf("GREETING=%s\n", greeting ? greeting : "(unset)");

    find_preopen();
    if (preopen == (__wasi_fd_t)-1) {
        printf("no preopened directory\n");
        return 3;
    }

    char input[256];
    int length = read_file("input.txt", 0, input, sizeof input);
    if (length < 0) {
        printf("cannot read input.txt: errno %d\n", -length);
        return 4;
    }
    char shown[256];
    strcpy(shown, input);
    for (char *c = shown; *c; c++)
        if (*c == '\n') *c = '|';
    printf("read input.txt: %d bytes: %s\n", length, shown);
    char through_link[256];
    printf("inside (link to input.txt), followed: %d bytes\n",
           read_file("inside", __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, through_link, sizeof through_link));
    printf("inside, not followed: %d\n", read_file("inside", 0, through_link, sizeof through_link));

    char upper[256];
    for (int i = 0; i <= length; i++) upper[i] = (char)toupper((unsigned char)input[i]);
    size_t half = (size_t)length / 2;
    char first[256];
    memcpy(first, upper, half);
    first[half] = 0;
    if (write_file("output.txt", first, upper + half) != 0) {
        printf("cannot write output.txt\n");
        return 5;
    }
    __wasi_filestat_t stat;
    if (__wasi_path_filestat_get(preopen, 0, "output.txt", 10, &stat) == 0)
        printf("filestat output.txt: size %llu type %u\n", (unsigned long long)stat.size, (unsigned)stat.filetype);

    printf("mkdir made: %d\n", __wasi_path_create_directory(preopen, "made", 4));
    write_file("made/draft.txt", "draft", "");
    printf("rename: %d\n", __wasi_path_rename(preopen, "made/draft.txt", 14, preopen, "made/final.txt", 14));
    write_file("doomed.txt", "x", "");
    int unlinked = __wasi_path_unlink_file(preopen, "doomed.txt", 10);
    __wasi_fd_t gone;
    printf("unlink: %d, then open: %d\n", unlinked, open_at("doomed.txt", 0, 0, __WASI_RIGHTS_FD_READ, &gone));
    list_directory();

    /* Paths leading outside the preopen: ENOTCAPABLE (76), nothing opened on the host. */
    __wasi_fd_t fd;
    printf("open ../outside/secret.txt: %d\n", open_at("../outside/secret.txt", 0, 0, __WASI_RIGHTS_FD_READ, &fd));
    printf("open /etc/passwd: %d\n", open_at("/etc/passwd", 0, 0, __WASI_RIGHTS_FD_READ, &fd));
    printf("open made/../../outside/secret.txt: %d\n",
           open_at("made/../../outside/secret.txt", 0, 0, __WASI_RIGHTS_FD_READ, &fd));
    printf("open escape/secret.txt (link out): %d\n", open_at("escape/secret.txt", 0, 0, __WASI_RIGHTS_FD_READ, &fd));
    printf("stat escape, followed: %d\n",
           __wasi_path_filestat_get(preopen, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "escape", 6, &stat));

    int code = argc > 1 ? atoi(argv[1]) : 0;
    printf("exit %d\n", code);
    fflush(stdout);
    exit(code);
}
