// Names (spec §2.2.5) are sequences of Unicode scalar values and match only when identical.
// Swift's `String` equality identifies canonically equivalent strings ("Å" U+00C5 and
// "A" + U+030A), so names are compared through their UTF-8 bytes instead.

/// A name compared and hashed by its exact UTF-8 encoding.
struct ExactName: Hashable {
    let utf8: [UInt8]

    init(_ name: String) {
        utf8 = Array(name.utf8)
    }
}
