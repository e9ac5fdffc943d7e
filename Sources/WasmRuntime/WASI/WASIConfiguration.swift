// WASI preview1 › configuration: what a command sees of its host — arguments, environment,
// standard streams and the directories it may use (its preopens).

/// The host side of a WASI instance: set it up, then create a `WASI` from it.
public struct WASIConfiguration {
    /// The command's arguments; `arguments[0]` is the program name.
    public var arguments: [String]
    /// Environment variables, in order (`environ_get` gives them as `NAME=value`).
    public var environment: [(String, String)]
    /// Host directories the command may use, and the names it sees them under. Each becomes a
    /// preopened directory descriptor (3, 4, … in this order); paths resolved from it can never
    /// leave it.
    public var preopens: [(hostPath: String, guestPath: String)]
    /// Host file descriptors behind the guest's descriptors 0, 1 and 2. They are used, never
    /// closed: the guest closing its descriptor 1 leaves the host's open.
    public var stdin: Int32, stdout: Int32, stderr: Int32

    public init(
        arguments: [String] = [], environment: [(String, String)] = [],
        preopens: [(hostPath: String, guestPath: String)] = [],
        stdin: Int32 = 0, stdout: Int32 = 1, stderr: Int32 = 2
    ) {
        self.arguments = arguments
        self.environment = environment
        self.preopens = preopens
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
    }
}
