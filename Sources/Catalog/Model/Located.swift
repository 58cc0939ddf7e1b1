import Diagnostics

/// A value decoded from a file, with where it was written. `keyLocation` points at the key
/// (`target:`), `location` at the value; rules report at whichever reads best.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation
    // A key is always in the same file as its value: only its line and column are stored.
    @usableFromInline var keyLine: Int32
    @usableFromInline var keyColumn: Int32

    /// Inlinable, so that other modules get it specialized for their `Value` (decoding 100,000
    /// codes' identities from the check cache spent most of its time in the generic entry point).
    @inlinable
    public init(_ value: Value, at location: SourceLocation, key keyLocation: SourceLocation? = nil) {
        self.value = value
        self.location = location
        keyLine = Int32(clamping: keyLocation?.line ?? 0)
        keyColumn = Int32(clamping: keyLocation?.column ?? 0)
    }

    /// Where the key of this value is written, when it has one.
    public var keyLocation: SourceLocation? {
        get { keyLine > 0 ? SourceLocation(file: location.file, line: Int(keyLine), column: Int(keyColumn)) : nil }
        set {
            keyLine = Int32(clamping: newValue?.line ?? 0)
            keyColumn = Int32(clamping: newValue?.column ?? 0)
        }
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
