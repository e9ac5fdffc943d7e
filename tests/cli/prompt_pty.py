"""wasm-redis on a terminal: the prompt follows SELECT and MULTI as redis-cli's does, help
answers, quit ends the session. Runs wasm-redis on a pseudo-terminal (argv[1] is the binary)."""
import os
import pty
import select
import sys
import time

binary = sys.argv[1]
pid, terminal = pty.fork()
if pid == 0:
    os.execv(binary, [binary])

transcript = b""


def expect(text, timeout=30):
    """Reads until `text` (bytes) has arrived after what earlier calls consumed."""
    global transcript
    deadline = time.time() + timeout
    while text not in transcript:
        remaining = deadline - time.time()
        if remaining <= 0 or not select.select([terminal], [], [], remaining)[0]:
            sys.exit("timed out waiting for %r; got %r" % (text, transcript[-300:]))
        try:
            chunk = os.read(terminal, 4096)
        except OSError:
            chunk = b""
        if not chunk:
            sys.exit("wasm-redis ended while waiting for %r; got %r" % (text, transcript[-300:]))
        transcript += chunk
    transcript = transcript[transcript.index(text) + len(text):]


def send(line):
    os.write(terminal, line.encode() + b"\n")


expect(b"wasm-redis> ")
send("SET k v")
expect(b"OK\r\nwasm-redis> ")
send("SELECT 1")
expect(b"OK\r\nwasm-redis[1]> ")
send("MULTI")
expect(b"OK\r\nwasm-redis[1](TX)> ")
send("INCR n")
expect(b"QUEUED\r\nwasm-redis[1](TX)> ")
send("EXEC")
expect(b"1) (integer) 1\r\nwasm-redis[1]> ")
send("SELECT 0")
expect(b"OK\r\nwasm-redis> ")
send("GET k")
expect(b'"v"\r\nwasm-redis> ')
send('SET q "unbalanced')
expect(b"Invalid argument(s)\r\nwasm-redis> ")
send("help")
expect(b'"help <command>" for help on <command>')
expect(b"wasm-redis> ")
send("help GET")
expect(b"GET key\r\n  summary: Get the value of a key\r\n  since: 1.0.0\r\n  group: string\r\n")
expect(b"wasm-redis> ")
send("help SET")
expect(b"SET key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]\r\n")
expect(b"wasm-redis> ")
send("quit")
_, status = os.waitpid(pid, 0)
if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
    sys.exit("wasm-redis ended with status %r after quit" % status)
