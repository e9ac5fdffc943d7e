/* compat.c — what Emscripten's standalone libc leaves to JavaScript, done in C.
 *
 * In a -sSTANDALONE_WASM build, every libc function that Emscripten implements
 * in its JS library (most file, socket and process syscalls) would become an
 * import. Defining them here keeps the module's imports to WASI preview1 plus
 * Emscripten's two setjmp/longjmp helpers (invoke_*, _emscripten_throw_longjmp).
 *
 * The embedded Redis has no listener and no child processes:
 *   - files: paths are WASI calls on the host's preopened data directory
 *     (wasm/files.c); chmod, dup and directory listing are not supported.
 *     Reads and writes of open descriptors go through WASI (fd_read,
 *     fd_write, fd_seek, fd_sync, fd_close).
 *   - sockets: none (EAFNOSUPPORT; getaddrinfo fails), so REPLICAOF and
 *     CLUSTER MEET cannot connect. poll/select report no ready descriptor.
 *   - pipes: Redis creates pipes that never carry data here (the module
 *     system's wake-up pipe, diskless replication's pipes before its fork fails;
 *     wasm/fork.c runs the RDB and AOF children in the foreground).
 *     They get descriptors from a reserved range, 64-127, that the host's
 *     WASI descriptors never reach in practice; fcntl accepts its flags.
 *   - dynamic loading (MODULE LOAD): not supported.
 *   - signals raised in-process call the handler directly.
 */
#define _GNU_SOURCE /* Dl_info */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- Emscripten runtime helpers ---------------------------------------------- */

/* The high half of an i64 result, used by the setjmp/longjmp lowering. */
static uint32_t temp_ret0;

void setTempRet0(uint32_t value) {
    temp_ret0 = value;
}

uint32_t getTempRet0(void) {
    return temp_ret0;
}

/* sbrk tells the embedder that memory grew (for JS views of the buffer); a
 * WebAssembly host reads the memory's size itself. */
void emscripten_notify_memory_growth(size_t memory_index) {
    (void)memory_index;
}

/* raise() for a signal with a handler installed. */
void __call_sighandler(void (*handler)(int), int sig) {
    handler(sig);
}

/* ---- files ------------------------------------------------------------------- */

/* open, stat, rename, unlink, mkdir, getcwd, chdir...: wasm/files.c. */

long __syscall_chmod(long path, long mode) {
    (void)path, (void)mode;
    return -ENOENT;
}

long __syscall_fchmod(long fd, long mode) {
    (void)fd, (void)mode;
    return -EBADF;
}

long __syscall_dup3(long fd, long suggestfd, long flags) {
    (void)fd, (void)suggestfd, (void)flags;
    return -EBADF;
}

long __syscall_getdents64(long fd, long dirp, long count) {
    (void)fd, (void)dirp, (void)count;
    return -EBADF;
}

long __syscall_getuid32(void) {
    return 0;
}

/* ---- pipes and descriptor flags ---------------------------------------------- */

#define PIPE_FD_FIRST 64
#define PIPE_FD_END   128
static int next_pipe_fd = PIPE_FD_FIRST;

long __syscall_pipe(long fds) {
    int *pair = (int *)fds;
    if (next_pipe_fd + 2 > PIPE_FD_END) return -EMFILE;
    pair[0] = next_pipe_fd++;
    pair[1] = next_pipe_fd++;
    return 0;
}

/* Descriptor and status flags are accepted and not kept (nothing here
 * blocks or execs); locks and other commands are not supported. Defining
 * fcntl itself replaces the standalone libc's, which fails with ENOSYS. */
int fcntl(int fd, int cmd, ...) {
    if (fd < 0) {
        errno = EBADF;
        return -1;
    }
    switch (cmd) {
    case F_GETFD: return 0;
    case F_SETFD: return 0;
    case F_GETFL: return O_RDWR;
    case F_SETFL: return 0;
    default:
        errno = ENOSYS;
        return -1;
    }
}

/* ---- sockets ------------------------------------------------------------------ */

long __syscall_socket(long domain, long type, long protocol, long a4, long a5, long a6) {
    (void)domain, (void)type, (void)protocol, (void)a4, (void)a5, (void)a6;
    return -EAFNOSUPPORT;
}

/* No socket descriptor can exist, so every call on one is EBADF. */
#define NO_SOCKET(name)                                                              \
    long name(long fd, long a2, long a3, long a4, long a5, long a6) {                \
        (void)fd, (void)a2, (void)a3, (void)a4, (void)a5, (void)a6;                  \
        return -EBADF;                                                                \
    }
NO_SOCKET(__syscall_bind)
NO_SOCKET(__syscall_connect)
NO_SOCKET(__syscall_listen)
NO_SOCKET(__syscall_accept4)
NO_SOCKET(__syscall_getsockopt)
NO_SOCKET(__syscall_getsockname)
NO_SOCKET(__syscall_getpeername)
NO_SOCKET(__syscall_sendto)
NO_SOCKET(__syscall_recvfrom)

int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
                struct addrinfo **res) {
    (void)node, (void)service, (void)hints, (void)res;
    return EAI_FAIL;
}

/* Nothing is ever ready: there are no sockets, and pipes carry no data. */
long __syscall_poll(long fds, long nfds, long timeout) {
    (void)fds, (void)nfds, (void)timeout;
    return 0;
}

long __syscall__newselect(long nfds, long readfds, long writefds, long exceptfds, long timeout) {
    (void)nfds, (void)readfds, (void)writefds, (void)exceptfds, (void)timeout;
    return 0;
}

/* ---- dynamic loading ------------------------------------------------------------ */

/* libc's dlerror() reports what this records (Emscripten always links it). */
void __dl_seterr(const char *fmt, ...);

void *dlopen(const char *file, int mode) {
    (void)mode;
    __dl_seterr("%s: dynamic loading is not supported in this build", file ? file : "(main)");
    return NULL;
}

void *dlsym(void *handle, const char *name) {
    (void)handle, (void)name;
    return NULL;
}

int dlclose(void *handle) {
    (void)handle;
    return 0;
}

int dladdr(const void *addr, Dl_info *info) {
    (void)addr, (void)info;
    return 0;
}
