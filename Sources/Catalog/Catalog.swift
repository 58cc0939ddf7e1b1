import Diagnostics

/// The decoded portfolio: every code (in report order) and the merged policies.
public struct Catalog: Sendable {
    public var codes: [Code]
    public var policies: Policies
    public var files: FileTable

    public init(codes: [Code], policies: Policies, files: FileTable) {
        self.codes = codes
        self.policies = policies
        self.files = files
    }
}
