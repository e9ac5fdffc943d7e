/* files.c — the guest's file system: one host directory, through WASI.
 *
 * Emscripten's standalone libc leaves path syscalls (open, stat, rename...)
 * to JavaScript; here they become WASI preview1 calls on the host's first
 * preopened directory (descriptor 3), which is where Redis keeps dump.rdb and
 * the AOF. The preopen's name (e.g. "/data") is where that directory appears
 * in the guest's single tree; every other path names nothing: looking it up
 * fails with ENOENT, creating or changing it with EROFS. Without a preopen
 * (no persistence) that is every path.
 *
 * Paths are made absolute against the working directory (chdir/getcwd are
 * kept here) and `.`/`..` are folded lexically, so `/data/../etc` lies
 * outside. The rest of the path goes to WASI relative to descriptor 3: the
 * host resolves it one component at a time and refuses anything leading out
 * of the directory, symbolic links included (ENOTCAPABLE, reported as EACCES).
 *
 * Descriptors returned are the host's WASI descriptors, so read, write,
 * lseek, fsync and close (which libc already does with fd_read, fd_write,
 * fd_seek, fd_sync, fd_close) work on them as they are. The standard streams
 * and compat.c's pipe descriptors (64-127) keep their behaviour.
 */
#define _GNU_SOURCE /* PATH_MAX, AT_* */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/api.h>

#define DATA_FD 3

/* The working directory, absolute and normalised. */
static char cwd[PATH_MAX] = "/";

/* The preopen's guest name, normalised ("/data"); empty when there is none.
 * Looked up once. */
static char data_root[PATH_MAX];
static int data_root_known;

static const char *preopen_root(void) {
    if (data_root_known) return data_root;
    data_root_known = 1;
    __wasi_prestat_t prestat;
    char name[PATH_MAX];
    if (__wasi_fd_prestat_get(DATA_FD, &prestat) != __WASI_ERRNO_SUCCESS) return data_root;
    if (prestat.pr_type != __WASI_PREOPENTYPE_DIR) return data_root;
    size_t length = prestat.u.dir.pr_name_len;
    if (length == 0 || length >= sizeof(name) - 1) return data_root;
    if (__wasi_fd_prestat_dir_name(DATA_FD, (uint8_t *)name, length) != __WASI_ERRNO_SUCCESS) return data_root;
    name[length] = '\0';
    /* a relative name ("." or "data") is placed at the root */
    size_t at = 0;
    if (name[0] != '/') data_root[at++] = '/';
    memcpy(data_root + at, name, length + 1);
    /* drop "/." and trailing slashes: "/." -> "/", "/data/" -> "/data" */
    size_t end = strlen(data_root);
    while (end > 1 && (data_root[end - 1] == '/' || (data_root[end - 1] == '.' && data_root[end - 2] == '/'))) {
        data_root[--end] = '\0';
    }
    return data_root;
}

/* `path` made absolute against the working directory, with `.`, `..` and
 * repeated slashes folded, into `out` (PATH_MAX bytes). */
static long absolute_path(const char *path, char *out) {
    char joined[PATH_MAX * 2];
    if (path[0] == '/') {
        if (strlen(path) >= sizeof(joined)) return -ENAMETOOLONG;
        strcpy(joined, path);
    } else {
        size_t a = strlen(cwd), b = strlen(path);
        if (a + 1 + b >= sizeof(joined)) return -ENAMETOOLONG;
        memcpy(joined, cwd, a);
        joined[a] = '/';
        memcpy(joined + a + 1, path, b + 1);
    }
    size_t length = 0;
    out[length++] = '/';
    const char *p = joined;
    while (*p) {
        while (*p == '/') p++;
        const char *start = p;
        while (*p && *p != '/') p++;
        size_t n = (size_t)(p - start);
        if (n == 0 || (n == 1 && start[0] == '.')) continue;
        if (n == 2 && start[0] == '.' && start[1] == '.') {
            while (length > 1 && out[length - 1] != '/') length--;
            if (length > 1) length--; /* the slash before the removed name */
            continue;
        }
        if (length > 1) out[length++] = '/';
        if (length + n >= PATH_MAX) return -ENAMETOOLONG;
        memcpy(out + length, start, n);
        length += n;
    }
    out[length] = '\0';
    return 0;
}

/* The part of `path` below the data directory ("." for the directory itself)
 * in `out`, or -ENOENT when the path lies outside it (or there is none). */
static long data_path(const char *path, char *out) {
    char absolute[PATH_MAX];
    long error = absolute_path(path, absolute);
    if (error) return error;
    const char *root = preopen_root();
    size_t n = strlen(root);
    if (n == 0) return -ENOENT;
    const char *rest;
    if (n == 1) {
        rest = absolute + 1;
    } else {
        if (strncmp(absolute, root, n) != 0 || (absolute[n] != '/' && absolute[n] != '\0')) return -ENOENT;
        rest = absolute + n + (absolute[n] == '/');
    }
    strcpy(out, *rest ? rest : ".");
    return 0;
}

/* For calls that create or change something: a path outside is read-only. */
static long data_path_to_change(const char *path, char *out) {
    long error = data_path(path, out);
    return error == -ENOENT ? -EROFS : error;
}

/* A WASI result as a syscall's: 0, or a negated errno. Emscripten's errno
 * values are WASI's; ENOTCAPABLE (a path leading out of the directory) becomes
 * EACCES, the error a POSIX program expects for a path it may not use. */
static long syscall_result(__wasi_errno_t status) {
    if (status == __WASI_ERRNO_NOTCAPABLE) return -EACCES;
    return -(long)status;
}

/* ---- open ------------------------------------------------------------------- */

#define RIGHTS_READ  (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_READDIR)
#define RIGHTS_WRITE (__WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_DATASYNC | __WASI_RIGHTS_FD_ALLOCATE | \
                      __WASI_RIGHTS_FD_FILESTAT_SET_SIZE)
/* everything else a file or directory may do (seek, sync, stat, lookups...) */
#define RIGHTS_OTHER (~(__wasi_rights_t)0 & ~(RIGHTS_READ | RIGHTS_WRITE))

long __syscall_open(const char *path, long flags, ...) {
    if (strcmp(path, "/dev/stdin") == 0) return STDIN_FILENO;
    if (strcmp(path, "/dev/stdout") == 0) return STDOUT_FILENO;
    if (strcmp(path, "/dev/stderr") == 0) return STDERR_FILENO;
    char relative[PATH_MAX];
    long error = (flags & (O_CREAT | O_TRUNC)) || (flags & O_ACCMODE) != O_RDONLY
                     ? data_path_to_change(path, relative) : data_path(path, relative);
    if (error) return error;

    __wasi_oflags_t oflags = 0;
    if (flags & O_CREAT) oflags |= __WASI_OFLAGS_CREAT;
    if (flags & O_DIRECTORY) oflags |= __WASI_OFLAGS_DIRECTORY;
    if (flags & O_EXCL) oflags |= __WASI_OFLAGS_EXCL;
    if (flags & O_TRUNC) oflags |= __WASI_OFLAGS_TRUNC;
    __wasi_fdflags_t fdflags = 0;
    if (flags & O_APPEND) fdflags |= __WASI_FDFLAGS_APPEND;
    if (flags & O_NONBLOCK) fdflags |= __WASI_FDFLAGS_NONBLOCK;
    __wasi_rights_t rights = RIGHTS_OTHER;
    int access = flags & O_ACCMODE;
    if (access == O_RDONLY || access == O_RDWR) rights |= RIGHTS_READ;
    if (access == O_WRONLY || access == O_RDWR) rights |= RIGHTS_WRITE;
    __wasi_lookupflags_t lookup = (flags & O_NOFOLLOW) ? 0 : __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW;

    __wasi_fd_t fd;
    __wasi_errno_t status = __wasi_path_open(DATA_FD, lookup, relative, strlen(relative), oflags, rights,
                                             ~(__wasi_rights_t)0, fdflags, &fd);
    if (status != __WASI_ERRNO_SUCCESS) return syscall_result(status);
    return (long)fd;
}

/* ---- metadata --------------------------------------------------------------- */

static mode_t file_mode(__wasi_filetype_t type) {
    switch (type) {
    case __WASI_FILETYPE_DIRECTORY: return S_IFDIR | 0755;
    case __WASI_FILETYPE_REGULAR_FILE: return S_IFREG | 0644;
    case __WASI_FILETYPE_SYMBOLIC_LINK: return S_IFLNK | 0777;
    case __WASI_FILETYPE_CHARACTER_DEVICE: return S_IFCHR | 0620;
    case __WASI_FILETYPE_BLOCK_DEVICE: return S_IFBLK | 0660;
    default: return S_IFIFO | 0600;
    }
}

static void fill_stat(const __wasi_filestat_t *in, struct stat *st) {
    memset(st, 0, sizeof(*st));
    st->st_dev = in->dev;
    st->st_ino = in->ino;
    st->st_mode = file_mode(in->filetype);
    st->st_nlink = in->nlink;
    st->st_size = in->size;
    st->st_blksize = 4096;
    st->st_blocks = (in->size + 511) / 512;
    st->st_atim.tv_sec = in->atim / 1000000000, st->st_atim.tv_nsec = in->atim % 1000000000;
    st->st_mtim.tv_sec = in->mtim / 1000000000, st->st_mtim.tv_nsec = in->mtim % 1000000000;
    st->st_ctim.tv_sec = in->ctim / 1000000000, st->st_ctim.tv_nsec = in->ctim % 1000000000;
}

static long stat_path(const char *path, struct stat *st, int follow) {
    char relative[PATH_MAX];
    long error = data_path(path, relative);
    if (error) return error;
    __wasi_filestat_t status;
    __wasi_errno_t result = __wasi_path_filestat_get(DATA_FD, follow ? __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW : 0,
                                                     relative, strlen(relative), &status);
    if (result != __WASI_ERRNO_SUCCESS) return syscall_result(result);
    fill_stat(&status, st);
    return 0;
}

long __syscall_stat64(long path, long buf) {
    return stat_path((const char *)path, (struct stat *)buf, 1);
}

long __syscall_lstat64(long path, long buf) {
    return stat_path((const char *)path, (struct stat *)buf, 0);
}

/* The standard streams are character devices (isatty and buffering decide by
 * it); other descriptors are asked of the host. */
long __syscall_fstat64(long fd, long buf) {
    struct stat *st = (struct stat *)buf;
    if (fd >= 0 && fd <= 2) {
        memset(st, 0, sizeof(*st));
        st->st_mode = S_IFCHR | 0620;
        st->st_blksize = 4096;
        return 0;
    }
    __wasi_filestat_t status;
    __wasi_errno_t result = __wasi_fd_filestat_get((__wasi_fd_t)fd, &status);
    if (result != __WASI_ERRNO_SUCCESS) return syscall_result(result);
    fill_stat(&status, st);
    return 0;
}

/* Only relative to the working directory (what libc's stat family passes). */
long __syscall_fstatat64(long dirfd, long path, long buf, long flags) {
    if (dirfd != AT_FDCWD && ((const char *)path)[0] != '/') return -ENOTSUP;
    return stat_path((const char *)path, (struct stat *)buf, !(flags & AT_SYMLINK_NOFOLLOW));
}

long __syscall_faccessat(long dirfd, long path, long amode, long flags) {
    (void)amode, (void)flags;
    if (dirfd != AT_FDCWD && ((const char *)path)[0] != '/') return -ENOTSUP;
    struct stat st;
    return stat_path((const char *)path, &st, 1);
}

/* ---- changing the tree ------------------------------------------------------ */

long __syscall_mkdir(long path, long mode) {
    (void)mode;
    char relative[PATH_MAX];
    long error = data_path_to_change((const char *)path, relative);
    if (error) return error;
    return syscall_result(__wasi_path_create_directory(DATA_FD, relative, strlen(relative)));
}

long __syscall_unlink(long path) {
    char relative[PATH_MAX];
    long error = data_path_to_change((const char *)path, relative);
    if (error) return error;
    return syscall_result(__wasi_path_unlink_file(DATA_FD, relative, strlen(relative)));
}

long __syscall_rename(long old_path, long new_path) {
    char from[PATH_MAX], to[PATH_MAX];
    long error = data_path_to_change((const char *)old_path, from);
    if (!error) error = data_path_to_change((const char *)new_path, to);
    if (error) return error;
    return syscall_result(__wasi_path_rename(DATA_FD, from, strlen(from), DATA_FD, to, strlen(to)));
}

long __syscall_ftruncate64(long fd, long low, long high) {
    uint64_t size = ((uint64_t)(uint32_t)high << 32) | (uint32_t)low;
    return syscall_result(__wasi_fd_filestat_set_size((__wasi_fd_t)fd, size));
}

long __syscall_truncate64(long path, long low, long high) {
    long fd = __syscall_open((const char *)path, O_WRONLY);
    if (fd < 0) return fd;
    long result = __syscall_ftruncate64(fd, low, high);
    (void)__wasi_fd_close((__wasi_fd_t)fd);
    return result;
}

/* ---- working directory ------------------------------------------------------ */

long __syscall_getcwd(long buf, long size) {
    size_t length = strlen(cwd) + 1;
    if ((size_t)size < length) return -ERANGE;
    memcpy((char *)buf, cwd, length);
    return (long)length;
}

/* The new directory must exist inside the data directory (or be "/"). */
long __syscall_chdir(long path) {
    char absolute[PATH_MAX];
    long error = absolute_path((const char *)path, absolute);
    if (error) return error;
    if (strcmp(absolute, "/") != 0) {
        struct stat st;
        error = stat_path(absolute, &st, 1);
        if (error) return error;
        if (!S_ISDIR(st.st_mode)) return -ENOTDIR;
    }
    strcpy(cwd, absolute);
    return 0;
}
