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
    public var target: Located<String>
    public var status: Located<Int>?
    public var location: SourceLocation

    public init(when: Request, target: Located<String>, status: Located<Int>?, location: SourceLocation) {
        self.when = when
        self.target = target
        self.status = status
        self.location = location
    }
}
