/* fork.c — Redis's background children, run in the foreground.
 *
 * Redis writes dump.rdb for BGSAVE and the `save` points of its cron, and the
 * AOF's new base file for BGREWRITEAOF, the automatic AOF rewrite and
 * `CONFIG SET appendonly yes`, in a child it forks (redisFork, server.c); the
 * child exits through exitFromChild and the parent, noticing with waitpid,
 * runs the done handler (backgroundSaveDoneHandler, backgroundRewriteDoneHandler)
 * that renames files, updates the AOF manifest and the statistics.
 *
 * A WebAssembly instance cannot fork. These two functions replace server.c's
 * (mk/redis.mk compiles server.c with its own under other names) so that the
 * same code runs in sequence in this one process:
 *   - redisFork(RDB or AOF) returns 0: the caller does the child's work at
 *     once (rdbSave to temp-<pid>.rdb, or rewriteAppendOnlyFile to
 *     temp-rewriteaof-bg-<pid>.aof) on the data as it is, which nothing can
 *     change meanwhile;
 *   - the child's exitFromChild(code) does not exit: it takes the parent's
 *     part — the state the parent sets after a fork, then the done handler
 *     with the child's exit code, then resetChildState — and returns, so the
 *     caller returns C_OK and BGSAVE answers "Background saving started" (and
 *     BGREWRITEAOF "Background append only file rewriting started") with the
 *     work already finished: LASTSAVE, INFO persistence and the files show it.
 * The child's work leaves no trace of its own: rdbSave's `dirty = 0` is undone
 * before the done handler subtracts what was saved, as a real child's change
 * would never reach the parent.
 *
 * Other children (diskless replication to sockets, modules' RM_Fork, the Lua
 * debugger) fail as fork() does here, with ENOSYS.
 */
#include "server.h"

#include <errno.h>
#include <time.h>
#include <unistd.h>

/* The child running now in the foreground (CHILD_TYPE_*), or CHILD_TYPE_NONE. */
static int foreground_child = CHILD_TYPE_NONE;
/* The parent's state when it "forked". */
static long long dirty_at_fork;
static time_t time_at_fork;

int redisFork(int purpose) {
    int disk_child = purpose == CHILD_TYPE_AOF || (purpose == CHILD_TYPE_RDB && server.rdb_pipe_conns == NULL);
    if (!disk_child) {
        errno = ENOSYS;
        return -1;
    }
    if (hasActiveChildProcess() || foreground_child != CHILD_TYPE_NONE) {
        errno = EEXIST;
        return -1;
    }
    foreground_child = purpose;
    dirty_at_fork = server.dirty;
    time_at_fork = time(NULL);
    serverLog(LL_NOTICE, "%s runs in the foreground (no fork)",
              purpose == CHILD_TYPE_RDB ? "Background saving" : "Background append only file rewriting");
    return 0;
}

/* The parent's part once the child ended with `code`: what redisFork and the
 * caller's parent branch set, then checkChildrenDone's work. */
static void finishForegroundChild(int purpose, int code) {
    server.child_pid = getpid();
    server.child_type = purpose;
    if (purpose == CHILD_TYPE_RDB) {
        server.dirty = dirty_at_fork;
        server.rdb_child_type = RDB_CHILD_TYPE_DISK;
        server.rdb_save_time_start = time_at_fork;
        backgroundSaveDoneHandler(code, 0);
    } else {
        server.aof_rewrite_scheduled = 0;
        server.aof_rewrite_time_start = time_at_fork;
        backgroundRewriteDoneHandler(code, 0);
    }
    resetChildState();
}

void exitFromChild(int retcode) {
    int purpose = foreground_child;
    if (purpose == CHILD_TYPE_NONE) _exit(retcode);
    foreground_child = CHILD_TYPE_NONE;
    finishForegroundChild(purpose, retcode);
}
