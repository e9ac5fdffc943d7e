/* hostconn.c — the connection type of clients whose socket the host owns
 * (see hostconn.h). Its functions behave as connection.c's socket ones do on
 * a non-blocking socket: short writes, EAGAIN when nothing can move, 0 never
 * returned by read (the host reports a closed peer by closing the client). */
#include "hostconn.h"

#include "connhelpers.h"

static ConnectionType CT_Host;

static hostConnection *hostOf(connection *conn) {
    return (hostConnection *)conn;
}

hostConnection *hostConnectionCreate(int handle, int fd, hostConnectionNotify *notify) {
    hostConnection *hc = zcalloc(sizeof(*hc));
    hc->conn.type = &CT_Host;
    hc->conn.state = CONN_STATE_ACCEPTING;
    hc->conn.fd = fd;
    hc->handle = handle;
    hc->notify = notify;
    hc->output = sdsempty();
    return hc;
}

void hostConnectionRelease(hostConnection *hc) {
    serverAssert(hc->conn.state == CONN_STATE_CLOSED);
    sdsfree(hc->output);
    zfree(hc);
}

/* Whether Redis still reads from this connection. */
static int reading(hostConnection *hc) {
    if (hc->conn.state != CONN_STATE_CONNECTED || (hc->conn.flags & CONN_FLAG_CLOSE_SCHEDULED)) return 0;
    client *c = connGetPrivateData(&hc->conn);
    return c != NULL && !(c->flags & (CLIENT_CLOSE_ASAP | CLIENT_CLOSE_AFTER_REPLY));
}

void hostConnectionFeed(hostConnection *hc, const char *data, size_t len) {
    hc->input = data;
    hc->input_len = len;
    /* Each call reads at most what readQueryFromClient asks for (16 KiB, or
     * the rest of a big argument), as the event loop would call it again
     * while the socket stays readable. */
    while (hc->input_len > 0 && reading(hc) && hc->conn.read_handler != NULL) {
        if (!callHandler(&hc->conn, hc->conn.read_handler)) break;
    }
    hc->input = NULL;
    hc->input_len = 0;
}

void hostConnectionSent(hostConnection *hc, size_t n) {
    serverAssert(n <= sdslen(hc->output));
    sdsrange(hc->output, (ssize_t)n, -1);
    if (hc->conn.state == CONN_STATE_CONNECTED && hc->conn.write_handler != NULL &&
        sdslen(hc->output) < HOST_CONNECTION_OUTPUT_LIMIT) {
        callHandler(&hc->conn, hc->conn.write_handler);
    }
}

/* ---- the ConnectionType ------------------------------------------------------ */

/* Writes are possible from accept on: acceptCommonHandler refuses a client
 * over maxclients with an error written to the accepting connection. */
static int hostWrite(connection *conn, const void *data, size_t data_len) {
    hostConnection *hc = hostOf(conn);
    if (conn->state != CONN_STATE_CONNECTED && conn->state != CONN_STATE_ACCEPTING) {
        conn->last_errno = ENOTCONN;
        return -1;
    }
    size_t queued = sdslen(hc->output);
    if (queued >= HOST_CONNECTION_OUTPUT_LIMIT) {
        conn->last_errno = EAGAIN;
        return -1;
    }
    size_t n = data_len;
    if (n > HOST_CONNECTION_OUTPUT_LIMIT - queued) n = HOST_CONNECTION_OUTPUT_LIMIT - queued;
    if (n == 0) return 0;
    hc->output = sdscatlen(hc->output, data, n);
    hc->notify(hc);
    return (int)n;
}

static int hostWritev(connection *conn, const struct iovec *iov, int iovcnt) {
    int total = 0;
    for (int i = 0; i < iovcnt; i++) {
        int n = hostWrite(conn, iov[i].iov_base, iov[i].iov_len);
        if (n < 0) return total > 0 ? total : -1;
        total += n;
        if ((size_t)n < iov[i].iov_len) break;
    }
    return total;
}

static int hostRead(connection *conn, void *buf, size_t buf_len) {
    hostConnection *hc = hostOf(conn);
    if (conn->state != CONN_STATE_CONNECTED) {
        conn->last_errno = ENOTCONN;
        return -1;
    }
    if (hc->input_len == 0) {
        conn->last_errno = EAGAIN;
        return -1;
    }
    size_t n = buf_len < hc->input_len ? buf_len : hc->input_len;
    memcpy(buf, hc->input, n);
    hc->input += n;
    hc->input_len -= n;
    return (int)n;
}

/* Redis closes a connection when it frees its client. Inside a handler the
 * close waits until the handler returns (callHandler), as for sockets. The
 * owner is told, and frees the connection once its output is sent. */
static void hostClose(connection *conn) {
    if (connHasRefs(conn)) {
        conn->flags |= CONN_FLAG_CLOSE_SCHEDULED;
        return;
    }
    if (conn->state == CONN_STATE_CLOSED) return;
    conn->state = CONN_STATE_CLOSED;
    conn->read_handler = NULL;
    conn->write_handler = NULL;
    hostOf(conn)->notify(hostOf(conn));
}

static int hostAccept(connection *conn, ConnectionCallbackFunc accept_handler) {
    int ret = C_OK;
    if (conn->state != CONN_STATE_ACCEPTING) return C_ERR;
    conn->state = CONN_STATE_CONNECTED;
    connIncrRefs(conn);
    if (!callHandler(conn, accept_handler)) ret = C_ERR;
    connDecrRefs(conn);
    return ret;
}

static int hostSetWriteHandler(connection *conn, ConnectionCallbackFunc func, int barrier) {
    conn->write_handler = func;
    if (barrier)
        conn->flags |= CONN_FLAG_WRITE_BARRIER;
    else
        conn->flags &= ~CONN_FLAG_WRITE_BARRIER;
    return C_OK;
}

static int hostSetReadHandler(connection *conn, ConnectionCallbackFunc func) {
    conn->read_handler = func;
    return C_OK;
}

static const char *hostGetLastError(connection *conn) {
    return strerror(conn->last_errno);
}

/* Outgoing connections (replication, cluster bus, MIGRATE) are not possible. */
static int hostConnect(connection *conn, const char *addr, int port, const char *src_addr,
                       ConnectionCallbackFunc connect_handler) {
    UNUSED(addr), UNUSED(port), UNUSED(src_addr), UNUSED(connect_handler);
    conn->state = CONN_STATE_ERROR;
    conn->last_errno = EAFNOSUPPORT;
    return C_ERR;
}

static int hostBlockingConnect(connection *conn, const char *addr, int port, long long timeout) {
    UNUSED(timeout);
    return hostConnect(conn, addr, port, NULL, NULL);
}

/* The synchronous calls serve replication and cluster links only. */
static ssize_t hostSyncIO(connection *conn, char *ptr, ssize_t size, long long timeout) {
    UNUSED(ptr), UNUSED(size), UNUSED(timeout);
    conn->last_errno = EOPNOTSUPP;
    return -1;
}

static int hostGetType(connection *conn) {
    UNUSED(conn);
    return CONN_TYPE_SOCKET;
}

static ConnectionType CT_Host = {
    .ae_handler = NULL,
    .connect = hostConnect,
    .write = hostWrite,
    .writev = hostWritev,
    .read = hostRead,
    .close = hostClose,
    .accept = hostAccept,
    .set_write_handler = hostSetWriteHandler,
    .set_read_handler = hostSetReadHandler,
    .get_last_error = hostGetLastError,
    .blocking_connect = hostBlockingConnect,
    .sync_write = hostSyncIO,
    .sync_read = hostSyncIO,
    .sync_readline = hostSyncIO,
    .get_type = hostGetType,
};
