/* hostconn.h — a Redis connection whose bytes the host moves.
 *
 * redis-server reads and writes its clients' sockets itself. Inside the
 * module there are no sockets: the host owns them, so this connection type
 * (a ConnectionType, like Redis's own socket and TLS types) keeps the bytes
 * in memory instead. The host hands in what it read from its socket
 * (hostConnectionFeed); Redis's readQueryFromClient reads them through the
 * type's read function, exactly as from a socket. What Redis writes lands in
 * `output`, up to HOST_CONNECTION_OUTPUT_LIMIT bytes not yet sent, like a
 * socket's send buffer: past that the write "would block", Redis keeps the
 * rest in the client's reply list (where client-output-buffer-limit applies)
 * and installs its write handler, which hostConnectionSent runs once the host
 * has sent some.
 */
#ifndef WASM_REDIS_HOSTCONN_H
#define WASM_REDIS_HOSTCONN_H

#include "server.h"

/* Unsent output a connection holds before a write would block. */
#define HOST_CONNECTION_OUTPUT_LIMIT (64 * 1024)

typedef struct hostConnection hostConnection;

/* Called when a connection got output or Redis closed it. */
typedef void hostConnectionNotify(hostConnection *hc);

struct hostConnection {
    connection conn;             /* first member: Redis sees a connection */
    int handle;                  /* the owner's name for it */
    hostConnectionNotify *notify;
    sds output;                  /* written by Redis, not yet sent by the host */
    const char *input;           /* fed by the host, not yet read by Redis */
    size_t input_len;
};

/* A connection in the accepting state, as accept() would give one; `fd` is
 * only shown (CLIENT LIST fd=), never used for I/O. */
hostConnection *hostConnectionCreate(int handle, int fd, hostConnectionNotify *notify);

/* Frees a connection Redis has closed (connGetState is CONN_STATE_CLOSED). */
void hostConnectionRelease(hostConnection *hc);

/* Lets Redis read `len` bytes as from its socket: runs the read handler
 * (readQueryFromClient) until the bytes are consumed or the client stops
 * reading (closing, or closed). */
void hostConnectionFeed(hostConnection *hc, const char *data, size_t len);

/* The host sent the first `n` bytes of `output`: they are dropped, and Redis's
 * write handler, if it waits for room, runs. */
void hostConnectionSent(hostConnection *hc, size_t n);

#endif
