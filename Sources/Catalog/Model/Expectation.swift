import Diagnostics

/// An `expect:` entry: a simulated scan and what it must get.
public struct Expectation: Sendable {
    public struct Request: Sendable {
        public var device: Located<Device>?
        public var userAgent: Located<String>?
        public var language: Located<String>?
        public var acceptLanguage: Located<String>?
        public var country: Located<String>?
        public var at: Located<Instant>?
        public var query: Located<String>?
        public var client: Located<String>?

        public init() {}
    }

    public var when: Request
    /// The destination the scan must be sent to, as written in the code (before the scan's
    /// query and UTM parameters are added).
    public var target: Located<String>
    public var status: Located<Int>?
    /// `location:`: the exact `Location` header, when the entry pins it byte for byte.
    public var exactLocation: Located<String>?
    public var location: SourceLocation

    public init(when: Request, target: Located<String>, status: Located<Int>?, exactLocation: Located<String>? = nil, location: SourceLocation) {
        self.when = when
        self.target = target
        self.status = status
        self.exactLocation = exactLocation
        self.location = location
    }
}
