import Diagnostics

/// One `key: value` item of a string map (`labels:`, `utm:`): the key's text, and the value with
/// where it is written. The value's `keyLocation` is where the key is written: a key and its
/// value are one item of one mapping, so always in the same file (which may be a folder's
/// `_defaults.yaml` rather than the code's own file). 64 bytes, where a `(key, value)` pair of
/// `Located<String>` took 96: a portfolio holds a dozen of these per code.
public struct StringEntry: Sendable, Hashable {
    /// The key's text: `region` in `region: eu`.
    public let name: String
    /// The value, with where it is written and (`keyLocation`) where its key is.
    public let value: Located<String>

    /// `value` under the key `name` written at `keyLocation` (in the value's file).
    public init(_ name: String, at keyLocation: SourceLocation, value: Located<String>) {
        self.name = name
        var value = value
        value.keyLocation = keyLocation
        self.value = value
    }

    /// The key, with where it is written.
    public var key: Located<String> { Located(name, at: value.keyLocation ?? value.location) }
}
