/* bio.c — a synchronous replacement for Redis's background I/O (src/bio.c).
 *
 * Upstream's bio starts one thread per job type and feeds it a queue. The
 * WebAssembly build has no threads (bioInit would fail and Redis exit), so this
 * file provides the same API (src/bio.h) and runs every job inline, at the
 * moment it is created: a lazy free frees now, a close job closes now, an AOF
 * fsync job fsyncs now. Nothing is ever pending. The native benchmark build uses
 * this file too, so that both builds do the same work.
 */
#include "server.h"
#include "bio.h"

#include <stdarg.h>

/* Lazy-free jobs of upstream carry at most 3 arguments; keep a little room. */
#define BIO_MAX_FREE_ARGS 8

void bioInit(void) {}

void bioKillThreads(void) {}

unsigned long long bioPendingJobsOfType(int type) {
    UNUSED(type);
    return 0;
}

unsigned long long bioWaitStepOfType(int type) {
    UNUSED(type);
    return 0;
}

void bioCreateLazyFreeJob(lazy_free_fn free_fn, int arg_count, ...) {
    void *args[BIO_MAX_FREE_ARGS];
    va_list valist;

    serverAssert(arg_count >= 0 && arg_count <= BIO_MAX_FREE_ARGS);
    va_start(valist, arg_count);
    for (int i = 0; i < arg_count; i++) args[i] = va_arg(valist, void *);
    va_end(valist);
    free_fn(args);
}

void bioCreateCloseJob(int fd, int need_fsync) {
    if (need_fsync) redis_fsync(fd);
    close(fd);
}

/* Same status bookkeeping as upstream's BIO_AOF_FSYNC worker. */
void bioCreateFsyncJob(int fd) {
    if (redis_fsync(fd) == -1 && errno != EBADF && errno != EINVAL) {
        int last_status;
        atomicGet(server.aof_bio_fsync_status, last_status);
        atomicSet(server.aof_bio_fsync_status, C_ERR);
        atomicSet(server.aof_bio_fsync_errno, errno);
        if (last_status == C_OK) {
            serverLog(LL_WARNING, "Fail to fsync the AOF file: %s", strerror(errno));
        }
    } else {
        atomicSet(server.aof_bio_fsync_status, C_OK);
    }
}
