/* shim.c — Redis 7.0.15 embedded without a listener: the API a host calls.
 *
 * The module is a WASI reactor: call the `_initialize` export once, then
 * `redis_init`, then any of the functions below. All pointers are offsets in
 * the module's linear memory; buffers passed in are the caller's (allocate them
 * with the exported `malloc`, release with `free`).
 *
 *   int redis_init(const char *config)
 *       Starts the server once. `config` is a NUL-terminated redis.conf text
 *       (directives separated by newlines; NULL or "" for none) applied after
 *       the embedded defaults, so the host's options win:
 *           port 0, save "", appendonly no, io-threads 1, maxmemory 256mb,
 *           maxmemory-policy noeviction, loglevel warning
 *       Opens the default client (handle 1, used by redis_exec). Returns 0, or
 *       -1 when already initialised. A configuration error is fatal as in
 *       redis-server: the message goes to fd 2 and the module calls
 *       proc_exit(1).
 *
 *   char *redis_exec(const char *req, size_t len, size_t *out_len)
 *       Feeds `len` bytes of RESP (or inline) requests to the default client
 *       and runs every complete command in them: pipelined requests give all
 *       their replies concatenated, a partial request waits in the client's
 *       query buffer for the rest (its reply comes with a later call). Returns
 *       the reply bytes (possibly none: *out_len = 0) in a new buffer,
 *       NUL-terminated for convenience, that the caller releases with
 *       redis_free (not free: it comes from Redis's allocator). Returns NULL before redis_init or if that allocation
 *       fails. When Redis closes the client (QUIT, protocol error, query
 *       buffer limit), the reply up to that point is returned and the next
 *       call starts a fresh default client, like a reconnect.
 *
 *   void redis_free(void *reply)
 *       Releases a reply returned by redis_exec (NULL is allowed).
 *
 *   int redis_tick(void)
 *       One iteration of Redis's timer work: serverCron (active expiry,
 *       incremental rehashing, statistics, client timeouts...) followed by the
 *       event loop's before-sleep work. Returns the milliseconds after which
 *       the host should call it again (1000 / hz, 100 ms by default), or -1
 *       before redis_init.
 *
 *   Many clients: each has its own database selection, MULTI state,
 *   authenticated user, name and protocol. Module clients (redis_client_open)
 *   answer each request at once, for an in-process API; connection clients
 *   (redis_client_connect, below) are a server host's connections.
 *   int redis_client_open(void)
 *       Creates a module client and returns its handle (> 0), or 0 before
 *       redis_init or when the table of clients cannot grow.
 *   const char *redis_client_exec(int h, const char *req, size_t len, size_t *out_len)
 *       Like redis_exec on client `h`, but the reply stays owned by the
 *       client: valid until the next call into this module, not to be freed.
 *       No allocation per call when the reply fits the client's 16 KiB
 *       buffer. `len` = 0 only collects output that arrived meanwhile (pub/sub
 *       messages, the reply of a blocking command that was served). Returns
 *       NULL (and *out_len = 0) for an unknown handle or a connection client.
 *   int redis_client_flags(int h)
 *       REDIS_CLIENT_CLOSED (1): Redis closed the client (QUIT, protocol
 *       error, query buffer limit); the host should send the last reply and
 *       then close the handle; further requests are ignored.
 *       REDIS_CLIENT_BLOCKED (2): waiting in a blocking command (BLPOP...).
 *       REDIS_CLIENT_PUBSUB (4): subscribed; messages may arrive between
 *       calls. -1 for an unknown handle.
 *   void redis_client_close(int h)
 *       Frees the client (unsubscribes, unwatches, discards MULTI state) and
 *       its handle. For a connection client: what Redis does when its peer
 *       disconnects, or, once Redis closed it, just the handle.
 *   int redis_client_timeout(int h)
 *       Ends the wait of a client blocked on keys (BLPOP, BZPOPMIN, XREAD
 *       BLOCK...) or in WAIT as if its timeout expired now: the timeout reply
 *       comes with the next redis_client_exec (len 0 collects it), then the
 *       client's queued requests run. For a host whose only client blocked,
 *       since nothing else could serve it. Returns 1, or 0 when the client is
 *       not blocked or waits for something that ends by itself (CLIENT PAUSE).
 *
 *   Connection clients: real clients of Redis, as redis-server accepts them
 *   (in CLIENT LIST and INFO clients, counted against maxclients, killed by
 *   CLIENT KILL, output buffer limits), whose socket the host owns: the host
 *   reads and writes it and runs the event loop (wasm/hostconn.h).
 *   int redis_client_connect(const char *peer, const char *local, int fd)
 *       The host accepted a connection from `peer` on `local` (both "ip:port",
 *       IPv6 as "[ip]:port": CLIENT LIST's addr and laddr; `fd` is only shown
 *       as its fd=). Returns the new client's handle, or 0 before redis_init
 *       or when the table of clients cannot grow. Redis may refuse the client
 *       at once (maxclients; protected mode for a peer other than 127.0.0.1
 *       and ::1 when the default user has no password): the handle is then
 *       already closed, with the error to send as its output.
 *   int redis_client_feed(int h, const char *data, size_t len)
 *       Bytes the host read from the connection: Redis reads them as from its
 *       socket (readQueryFromClient, with its protocol errors and query
 *       buffer limit) and runs the complete commands. Replies are written out
 *       by the next redis_client_events. Returns redis_client_flags(h), -1
 *       for an unknown handle or a module client.
 *   const redisClientEvent *redis_client_events(size_t *count)
 *       The event loop's before-sleep work (blocked clients served or timed
 *       out, replies written to the connections, closing clients freed, fast
 *       expire cycle), then the connection clients that got output or were
 *       closed since the last call: *count entries of 16 bytes,
 *           { int handle; int flags; const char *output; size_t output_len; }
 *       valid until the next call into the module (redis_client_sent on one
 *       client leaves the others' output in place). Call it after each round
 *       of reads, as redis-server's event loop calls beforeSleep, and at
 *       least after each redis_tick. NULL before redis_init.
 *   const char *redis_client_sent(int h, size_t n, size_t *out_len)
 *       The host sent the first `n` bytes of the client's output (0 to just
 *       look): they are dropped, and when Redis waits for room to write more
 *       (at most 64 KiB wait unsent, as in a socket's send buffer) it writes
 *       now. Returns the output left to send and its length in *out_len; NULL
 *       for an unknown handle, a module client, or `n` past the output. When
 *       the flags say CLOSED, the host sends the rest, closes its socket and
 *       then the handle.
 *   int redis_signal(int sig)
 *       The host received SIGINT (2) or SIGTERM (15): Redis logs it and
 *       schedules a shutdown as redis-server's signal handler does; the next
 *       redis_tick performs it (proc_exit(0); a failed shutdown logs why and
 *       goes on). Returns 0, or -1 for another signal or before redis_init.
 *
 * A request to redis_exec or redis_client_exec runs to completion inside the
 * call, followed by the event loop's before-sleep work (what Redis does after
 * each read from a socket), so blocked clients that a command served, AOF
 * writes and lazy frees are done before the call returns. A blocking command (BLPOP...) leaves its
 * client blocked: its reply comes with a later call once served or timed out
 * (timeouts are checked by redis_tick and by every call).
 *
 * Module clients have no connection: they are created like the clients of a
 * module's RM_Call (createClient(NULL) with CLIENT_MODULE), so Redis queues
 * their replies in the client's buffers, where the shim collects them.
 * Differences from socket clients: they are not in CLIENT LIST, their error
 * replies are not counted in INFO errorstats, and CLIENT REPLY OFF does not
 * silence them. Connection clients have none of these differences.
 */
#include "server.h"
#include "cluster.h"
#include "hostconn.h"

#include <locale.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>

#define REDIS_CLIENT_CLOSED  1
#define REDIS_CLIENT_BLOCKED 2
#define REDIS_CLIENT_PUBSUB  4

#define DEFAULT_CLIENT 1

/* Parts of server.c and config.c that server.h does not declare. */
void initServerConfig(void);
void loadServerConfigFromString(char *config);
void initServer(void);
void InitServerLast(void);
void loadDataFromDisk(void);
int serverCron(struct aeEventLoop *eventLoop, long long id, void *clientData);
void beforeSleep(struct aeEventLoop *eventLoop);
void redisOutOfMemoryHandler(size_t allocation_size);

static const char default_config[] =
    "port 0\n"
    "save \"\"\n"
    "appendonly no\n"
    "io-threads 1\n"
    "maxmemory 256mb\n"
    "maxmemory-policy noeviction\n"
    "loglevel warning\n";

/* One slot per handle (handle = index + 1). */
typedef struct shimClient {
    int used;           /* the handle is open */
    client *c;          /* NULL once Redis freed a connection client */
    int closed;         /* Redis asked to close this (module) client */
    /* module clients (redis_client_open) */
    size_t consumed;    /* bytes at the start of c->buf handed out by the last exec */
    char *out;          /* reply copy when the reply spilled into c->reply */
    size_t out_cap;
    /* connection clients (redis_client_connect) */
    hostConnection *hc;
    int listed;         /* waiting in `pending` for the next redis_client_events */
    int released;       /* the host closed the handle before Redis freed the client */
} shimClient;

static shimClient *slots;
static int slot_count;
static int initialised;

/* ---- clients ---------------------------------------------------------------- */

static shimClient *slotOf(int h) {
    if (h < 1 || h > slot_count || !slots[h - 1].used) return NULL;
    return &slots[h - 1];
}

/* A free slot's index, growing the table if needed; -1 when it cannot grow. */
static int freeSlot(void) {
    int i;
    for (i = 0; i < slot_count && slots[i].used; i++);
    if (i == slot_count) {
        int grown = slot_count ? slot_count * 2 : 16;
        shimClient *bigger = ztryrealloc(slots, sizeof(*slots) * grown);
        if (bigger == NULL) return -1;
        memset(bigger + slot_count, 0, sizeof(*slots) * (grown - slot_count));
        slots = bigger;
        slot_count = grown;
    }
    return i;
}

int redis_client_open(void) {
    if (!initialised) return 0;
    int i = freeSlot();
    if (i < 0) return 0;
    client *c = createClient(NULL);
    c->flags |= CLIENT_MODULE;
    slots[i] = (shimClient){ .used = 1, .c = c };
    return i + 1;
}

static void releaseConnectionSlot(shimClient *sc) {
    hostConnectionRelease(sc->hc);
    *sc = (shimClient){ 0 };
}

void redis_client_close(int h) {
    shimClient *sc = slotOf(h);
    if (sc == NULL) return;
    if (sc->hc == NULL) {
        freeClient(sc->c);
        zfree(sc->out);
        *sc = (shimClient){ 0 };
    } else if (sc->c != NULL) {
        /* As when Redis reads EOF. Freeing the client closes the connection,
         * and connectionNotify releases the slot (for a client that Redis
         * protects right now, in a later before-sleep). */
        sc->released = 1;
        freeClient(sc->c);
    } else {
        releaseConnectionSlot(sc);
    }
}

int redis_client_timeout(int h) {
    shimClient *sc = slotOf(h);
    if (sc == NULL || sc->c == NULL || !(sc->c->flags & CLIENT_BLOCKED)) return 0;
    int btype = sc->c->btype;
    if (btype != BLOCKED_LIST && btype != BLOCKED_ZSET && btype != BLOCKED_STREAM && btype != BLOCKED_WAIT) return 0;
    /* What handleBlockedClientsTimeout does when the timeout expires. */
    replyToBlockedClientTimedOut(sc->c);
    unblockClient(sc->c);
    return 1;
}

int redis_client_flags(int h) {
    shimClient *sc = slotOf(h);
    if (sc == NULL) return -1;
    int flags = 0;
    if (sc->closed || sc->c == NULL) flags |= REDIS_CLIENT_CLOSED;
    if (sc->c != NULL && (sc->c->flags & CLIENT_BLOCKED)) flags |= REDIS_CLIENT_BLOCKED;
    if (sc->c != NULL && (sc->c->flags & CLIENT_PUBSUB)) flags |= REDIS_CLIENT_PUBSUB;
    return flags;
}

/* Redis frees clients flagged CLOSE_ASAP in beforeSleep. The shim owns its
 * module clients' memory, so it takes them off that queue first and only
 * marks them closed; the host frees them with redis_client_close. (Redis frees
 * connection clients itself, as redis-server does.) */
static void keepClosingClients(void) {
    if (listLength(server.clients_to_close) == 0) return;
    for (int i = 0; i < slot_count; i++) {
        client *c = slots[i].c;
        if (c == NULL || slots[i].hc != NULL || !(c->flags & CLIENT_CLOSE_ASAP)) continue;
        listNode *ln = listSearchKey(server.clients_to_close, c);
        if (ln) listDelNode(server.clients_to_close, ln);
        c->flags &= ~CLIENT_CLOSE_ASAP;
        slots[i].closed = 1;
    }
}

/* Forget the reply bytes handed out by the previous exec; anything Redis
 * queued after them (pushes, served blocking commands) stays. */
static void dropConsumed(shimClient *sc) {
    client *c = sc->c;
    if (sc->consumed == 0) return;
    serverAssert((size_t)c->bufpos >= sc->consumed);
    size_t rest = (size_t)c->bufpos - sc->consumed;
    if (rest) memmove(c->buf, c->buf + sc->consumed, rest);
    c->bufpos = (int)rest;
    sc->consumed = 0;
}

/* Hands out everything queued for the client. A reply that fits c->buf is
 * returned in place; one that spilled into the reply list is gathered into
 * sc->out and the client's buffers emptied. */
static const char *takeReply(shimClient *sc, size_t *out_len) {
    client *c = sc->c;
    if (listLength(c->reply) == 0) {
        sc->consumed = (size_t)c->bufpos;
        *out_len = sc->consumed;
        atomicIncr(server.stat_net_output_bytes, *out_len);
        return c->buf;
    }

    size_t total = (size_t)c->bufpos;
    listIter li;
    listNode *ln;
    listRewind(c->reply, &li);
    while ((ln = listNext(&li)) != NULL) total += ((clientReplyBlock *)listNodeValue(ln))->used;
    if (total + 1 > sc->out_cap) {
        sc->out = zrealloc(sc->out, total + 1);
        sc->out_cap = total + 1;
    }
    memcpy(sc->out, c->buf, c->bufpos);
    size_t at = (size_t)c->bufpos;
    listRewind(c->reply, &li);
    while ((ln = listNext(&li)) != NULL) {
        clientReplyBlock *block = listNodeValue(ln);
        memcpy(sc->out + at, block->buf, block->used);
        at += block->used;
    }
    sc->out[total] = '\0';
    c->bufpos = 0;
    listEmpty(c->reply);
    c->reply_bytes = 0;
    *out_len = total;
    atomicIncr(server.stat_net_output_bytes, total);
    return sc->out;
}

/* What readQueryFromClient does after a socket read, minus the socket. */
static void feedClient(shimClient *sc, const char *req, size_t len) {
    client *c = sc->c;
    c->querybuf = sdscatlen(c->querybuf, req, len);
    size_t qblen = sdslen(c->querybuf);
    if (c->querybuf_peak < qblen) c->querybuf_peak = qblen;
    c->lastinteraction = server.unixtime;
    atomicIncr(server.stat_total_reads_processed, 1);
    atomicIncr(server.stat_net_input_bytes, len);

    if (qblen > server.client_max_querybuf_len) {
        serverLog(LL_WARNING, "Closing client that reached max query buffer length (%zu bytes)", qblen);
        sdsclear(c->querybuf);
        c->qb_pos = 0;
        sc->closed = 1;
        return;
    }
    if (processInputBuffer(c) == C_ERR) {
        /* Only a client freed while it ran its own command gets here; the
         * shim's clients are never freed by Redis (see keepClosingClients). */
        serverPanic("shim client freed while executing a command");
    }
}

const char *redis_client_exec(int h, const char *req, size_t len, size_t *out_len) {
    shimClient *sc = slotOf(h);
    *out_len = 0;
    if (sc == NULL || sc->hc != NULL) return NULL;

    dropConsumed(sc);
    if (len > 0 && !sc->closed) feedClient(sc, req, len);
    if (sc->c->flags & CLIENT_CLOSE_AFTER_REPLY) sc->closed = 1;
    keepClosingClients();
    beforeSleep(server.el);
    keepClosingClients();
    return takeReply(sc, out_len);
}

/* ---- connection clients ------------------------------------------------------ */

/* One entry of redis_client_events' table (16 bytes in wasm32). */
typedef struct redisClientEvent {
    int handle;
    int flags;            /* redis_client_flags */
    const char *output;   /* unsent output, valid until the next call into the module */
    size_t output_len;
} redisClientEvent;

/* Handles whose connection got output or was closed since the last
 * redis_client_events (a slot is listed once: see shimClient.listed). */
static int *pending;
static size_t pending_count, pending_cap;
static redisClientEvent *events;
static size_t events_cap;

static void connectionNotify(hostConnection *hc) {
    shimClient *sc = &slots[hc->handle - 1];
    if (hc->conn.state == CONN_STATE_CLOSED) {
        sc->c = NULL;
        if (sc->released) {
            releaseConnectionSlot(sc);
            return;
        }
    }
    if (sc->listed) return;
    sc->listed = 1;
    if (pending_count == pending_cap) {
        pending_cap = pending_cap ? pending_cap * 2 : 64;
        pending = zrealloc(pending, sizeof(*pending) * pending_cap);
    }
    pending[pending_count++] = hc->handle;
}

/* Whether `peer` ("ip:port", "[ip6]:port") is the loopback address that
 * protected mode lets in (islocalClient: 127.0.0.1 and ::1 only). */
static int isLoopbackPeer(const char *peer) {
    return strncmp(peer, "127.0.0.1:", 10) == 0 || strncmp(peer, "[::1]:", 6) == 0;
}

/* clientAcceptHandler's work for a connection accepted by the host: protected
 * mode, then the connection statistics and the module event. */
static void acceptConnection(connection *conn) {
    client *c = connGetPrivateData(conn);
    if (server.protected_mode && (DefaultUser->flags & USER_FLAG_NOPASS) && !isLoopbackPeer(c->peerid)) {
        static const char denied[] =
            "-DENIED Redis is running in protected mode because protected mode is enabled and no "
            "password is set for the default user. In this mode connections are only accepted from "
            "the loopback interface.\r\n";
        connWrite(conn, denied, sizeof(denied) - 1);
        server.stat_rejected_conn++;
        freeClientAsync(c);
        return;
    }
    server.stat_numconnections++;
    moduleFireServerEvent(REDISMODULE_EVENT_CLIENT_CHANGE, REDISMODULE_SUBEVENT_CLIENT_CHANGE_CONNECTED, c);
}

int redis_client_connect(const char *peer, const char *local, int fd) {
    if (!initialised) return 0;
    int i = freeSlot();
    if (i < 0) return 0;
    int h = i + 1;
    hostConnection *hc = hostConnectionCreate(h, fd, connectionNotify);
    slots[i] = (shimClient){ .used = 1, .hc = hc };

    /* acceptCommonHandler's admission control. */
    if (listLength(server.clients) + getClusterConnectionsCount() >= server.maxclients) {
        static const char full[] = "-ERR max number of clients reached\r\n";
        connWrite(&hc->conn, full, sizeof(full) - 1);
        server.stat_rejected_conn++;
        connClose(&hc->conn);
        return h;
    }
    client *c = createClient(&hc->conn);
    slots[i].c = c;
    /* What CLIENT LIST shows as addr and laddr (Redis would ask the socket). */
    c->peerid = sdsnew(peer);
    c->sockname = sdsnew(local);
    if (connAccept(&hc->conn, acceptConnection) == C_ERR) freeClient(c);
    return h;
}

int redis_client_feed(int h, const char *data, size_t len) {
    shimClient *sc = slotOf(h);
    if (sc == NULL || sc->hc == NULL) return -1;
    if (len > 0) hostConnectionFeed(sc->hc, data, len);
    return redis_client_flags(h);
}

const char *redis_client_sent(int h, size_t n, size_t *out_len) {
    shimClient *sc = slotOf(h);
    *out_len = 0;
    if (sc == NULL || sc->hc == NULL || n > sdslen(sc->hc->output)) return NULL;
    hostConnectionSent(sc->hc, n);
    *out_len = sdslen(sc->hc->output);
    return sc->hc->output;
}

const redisClientEvent *redis_client_events(size_t *count) {
    *count = 0;
    if (!initialised) return NULL;
    keepClosingClients();
    beforeSleep(server.el);
    keepClosingClients();

    if (events_cap < pending_count || events == NULL) {
        events_cap = pending_count > 16 ? pending_count : 16;
        events = zrealloc(events, sizeof(*events) * events_cap);
    }
    size_t n = 0;
    for (size_t i = 0; i < pending_count; i++) {
        int h = pending[i];
        shimClient *sc = slotOf(h);
        if (sc == NULL || sc->hc == NULL || !sc->listed) continue;
        sc->listed = 0;
        events[n++] = (redisClientEvent){ h, redis_client_flags(h), sc->hc->output, sdslen(sc->hc->output) };
    }
    pending_count = 0;
    *count = n;
    return events;
}

/* ---- the single-client convenience API --------------------------------------- */

char *redis_exec(const char *req, size_t len, size_t *out_len) {
    size_t n;
    const char *reply = redis_client_exec(DEFAULT_CLIENT, req, len, &n);
    *out_len = 0;
    if (reply == NULL) return NULL;
    char *copy = ztrymalloc(n + 1);
    if (copy == NULL) return NULL;
    memcpy(copy, reply, n);
    copy[n] = '\0';
    *out_len = n;
    if (slots[DEFAULT_CLIENT - 1].closed) {
        redis_client_close(DEFAULT_CLIENT);
        redis_client_open(); /* the lowest free slot: DEFAULT_CLIENT again */
    }
    return copy;
}

void redis_free(void *reply) {
    zfree(reply);
}

/* ---- start and timer -------------------------------------------------------- */

/* The start-up sequence of redis-server's main() (server.c), without the
 * listener, the event loop and the platform checks. */
int redis_init(const char *config) {
    struct timeval tv;
    if (initialised) return -1;
    initialised = 1;

    setlocale(LC_COLLATE, "");
    tzset();
    zmalloc_set_oom_handler(redisOutOfMemoryHandler);
    gettimeofday(&tv, NULL);
    srand(time(NULL) ^ getpid() ^ tv.tv_usec);
    srandom(time(NULL) ^ getpid() ^ tv.tv_usec);
    init_genrand64(((long long)tv.tv_sec * 1000000 + tv.tv_usec) ^ getpid());
    crc64_init();
    umask(server.umask = umask(0777));
    uint8_t hashseed[16];
    getRandomBytes(hashseed, sizeof(hashseed));
    dictSetHashFunctionSeed(hashseed);

    initServerConfig();
    /* initServerConfig's getTimeZone() reads the struct timezone of
     * gettimeofday(), which this libc leaves unset; tzset() set `timezone`. */
    server.timezone = timezone;
    ACLInit();
    moduleInitModulesSystem();
    tlsInit();
    server.executable = zstrdup("redis-server");
    server.exec_argv = zmalloc(sizeof(char *) * 2);
    server.exec_argv[0] = zstrdup("redis-server");
    server.exec_argv[1] = NULL;

    sds conf = sdsnew(default_config);
    if (config) conf = sdscat(conf, config);
    loadServerConfigFromString(conf);
    sdsfree(conf);

    /* initServer() exits when nothing listens: it checks the unix socket with
     * `sofd < 0` but only registers one for `sofd > 0`, so 0 passes both. */
    server.sofd = 0;
    initServer();
    server.sofd = -1;
    /* The module system's wake-up pipe is the only file event; without it the
     * event loop never has to poll. */
    aeDeleteFileEvent(server.el, server.module_pipe[0], AE_READABLE);

    moduleInitModulesSystemLast();
    moduleLoadFromQueue();
    ACLLoadUsersAtStartup();
    InitServerLast();
    aofLoadManifestFromDisk();
    loadDataFromDisk();
    aofOpenIfNeededOnServerStart();
    aofDelHistoryFiles();

    if (redis_client_open() != DEFAULT_CLIENT) serverPanic("cannot open the default client");
    return 0;
}

/* What redis-server's SIGINT/SIGTERM handler (sigShutdownHandler) does. */
int redis_signal(int sig) {
    if (!initialised || (sig != SIGINT && sig != SIGTERM)) return -1;
    serverLog(LL_WARNING, sig == SIGINT ? "Received SIGINT scheduling shutdown..."
                                        : "Received SIGTERM scheduling shutdown...");
    server.shutdown_asap = 1;
    server.last_sig_received = sig;
    return 0;
}

int redis_tick(void) {
    if (!initialised) return -1;
    int next_ms = serverCron(server.el, 0, NULL);
    keepClosingClients();
    beforeSleep(server.el);
    keepClosingClients();
    return next_ms;
}
