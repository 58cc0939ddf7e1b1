import Diagnostics

/// A value decoded from a file, with where it was written. `keyLocation` points at the key
/// (`target:`), `location` at the value; rules report at whichever reads best.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation
    public var keyLocation: SourceLocation?

    public init(_ value: Value, at location: SourceLocation, key keyLocation: SourceLocation? = nil) {
        self.value = value
        self.location = location
        self.keyLocation = keyLocation
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
