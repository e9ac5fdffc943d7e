"""wasm-redis --serve through redis-py (argv[1] is the port): pub/sub, blocking pops with and
without a timeout, transactions (WATCH included), pipelines, RESP3, and connections that keep
their own state. Exits non-zero on the first failed check."""
import sys
import threading
import time

import redis

port = int(sys.argv[1])
checks = 0


def connect(**options):
    return redis.Redis(host="127.0.0.1", port=port, socket_timeout=30, **options)


def check(condition, what):
    global checks
    if not condition:
        sys.exit("failed: " + what)
    checks += 1


r = connect()
r.flushall()

# Pub/sub: messages published on one connection reach subscribers on others.
subscriber = connect().pubsub()
subscriber.subscribe("news")
subscriber.psubscribe("sport.*")
check(subscriber.get_message(timeout=5)["type"] == "subscribe", "subscribe confirmation")
check(subscriber.get_message(timeout=5)["type"] == "psubscribe", "psubscribe confirmation")
check(r.publish("news", "hello") == 1, "one receiver for news")
check(r.publish("sport.tennis", "ace") == 1, "one receiver for sport.*")
message = subscriber.get_message(timeout=5)
check(message["type"] == "message" and message["channel"] == b"news" and message["data"] == b"hello", repr(message))
message = subscriber.get_message(timeout=5)
check(message["type"] == "pmessage" and message["pattern"] == b"sport.*" and message["data"] == b"ace", repr(message))
subscriber.unsubscribe("news")
check(subscriber.get_message(timeout=5)["type"] == "unsubscribe", "unsubscribe confirmation")
check(r.publish("news", "again") == 0, "no receiver after unsubscribe")
subscriber.close()

# RESP3 pushes.
r3 = connect(protocol=3)
pubsub3 = r3.pubsub()
pubsub3.subscribe("resp3")
check(pubsub3.get_message(timeout=5)["type"] == "subscribe", "RESP3 subscribe")
check(r.publish("resp3", "pushed") == 1, "RESP3 receiver")
message = pubsub3.get_message(timeout=5)
check(message["data"] == b"pushed", repr(message))
pubsub3.close()
r3.hset("h", mapping={"a": "1", "b": "2"})
check(r3.hgetall("h") == {b"a": b"1", b"b": b"2"}, "RESP3 map")

# Blocking pops: the timeout is honoured, and a push from another client serves the waiter
# while other connections keep being served.
start = time.time()
check(r.blpop("empty", timeout=0.5) is None, "BLPOP times out with nil")
elapsed = time.time() - start
check(0.45 <= elapsed < 3, "BLPOP waited %.2f s for a 0.5 s timeout" % elapsed)

results = {}


def waiter():
    results["blpop"] = connect().blpop("jobs", timeout=10)


thread = threading.Thread(target=waiter)
thread.start()
deadline = time.time() + 10
while r.info("clients")["blocked_clients"] != 1 and time.time() < deadline:
    time.sleep(0.02)
check(r.info("clients")["blocked_clients"] == 1, "the waiter is blocked")
start = time.time()
check(r.ping(), "PING while a client is blocked")
check(time.time() - start < 1, "PING waited for the blocked client")
r.rpush("jobs", "job-1")
thread.join(10)
check(results.get("blpop") == (b"jobs", b"job-1"), repr(results))
check(r.llen("jobs") == 0, "the job was taken")

check(r.brpop("empty", timeout=0.2) is None, "BRPOP timeout")
r.rpush("src", "x")
check(r.blmove("src", "dst", 1, "LEFT", "RIGHT") == b"x", "BLMOVE")
r.zadd("z", {"low": 1, "high": 9})
check(r.bzpopmin("z", timeout=1) == (b"z", b"low", 1.0), "BZPOPMIN")
start = time.time()
check(not r.xread({"stream": "$"}, block=200), "XREAD BLOCK times out with nil")
check(0.19 <= time.time() - start < 3, "XREAD BLOCK 200 waited %.2f s" % (time.time() - start))

# Transactions.
pipe = r.pipeline(transaction=True)
pipe.set("balance", 100).incrby("balance", 50).get("balance")
check(pipe.execute() == [True, 150, b"150"], "MULTI/EXEC")
with r.pipeline() as pipe:
    pipe.watch("balance")
    connect().set("balance", 0)  # another client changes the watched key
    pipe.multi()
    pipe.incr("balance")
    try:
        pipe.execute()
        check(False, "EXEC after a watched key changed")
    except redis.WatchError:
        check(True, "WatchError")
check(r.get("balance") == b"0", "the aborted transaction did not run")
try:
    r.pipeline(transaction=True).set("a", 1).lpush("a", 2).execute()
    check(False, "an error inside EXEC is raised")
except redis.ResponseError as error:
    check("WRONGTYPE" in str(error), str(error))

# Pipelines.
pipe = r.pipeline(transaction=False)
for index in range(5000):
    pipe.set("key:%d" % index, index)
check(all(pipe.execute()), "5000 pipelined SETs")
pipe = r.pipeline(transaction=False)
for index in range(5000):
    pipe.get("key:%d" % index)
check(pipe.execute() == [str(index).encode() for index in range(5000)], "5000 pipelined GETs")
big = bytes(range(256)) * 8192  # 2 MiB
r.set("big", big)
check(r.get("big") == big, "2 MiB value")

# Each connection keeps its own database, name and protocol; CLIENT LIST sees them all.
other = connect(db=3)
other.set("only-in-3", 1)
check(r.exists("only-in-3") == 0 and other.exists("only-in-3") == 1, "separate databases")
r.client_setname("main")
other.client_setname("other")
names = sorted(client["name"] for client in r.client_list())
check("main" in names and "other" in names, repr(names))
check(r.info("clients")["connected_clients"] == len(r.client_list()), "INFO clients agrees with CLIENT LIST")

print("python client: %d checks passed" % checks)
