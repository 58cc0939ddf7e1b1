import Catalog
import Foundation
import Routing

/// The shared routing vectors (`Tests/Fixtures/routing/vectors.json`): scans of the fixture
/// portfolio and the answer `qrops resolve` gives them, which every generated server config must
/// give too. See `Tests/Fixtures/routing/README.md` for the format.
struct RoutingVector: Sendable, CustomStringConvertible {
    var name: String
    /// An absolute URL as a scanner would open it; the path and query are sent byte for byte.
    var url: String
    var userAgent: String?
    var acceptLanguage: String?
    /// Sent in the domain's country header (`country-header`, default CF-IPCountry).
    var country: String?
    /// An IPv4 loopback address: the raw HTTP client binds to it, so the server sees it as the
    /// client address, and the engine hashes it for splits.
    var client: String
    var at: Int64
    var status: Int
    /// nil: no Location (404).
    var location: String?

    var description: String { name }

    /// The scan as the engine sees it.
    var request: ScanRequest? {
        guard var request = ScanRequest(url: url, at: at) else { return nil }
        request.userAgent = userAgent
        request.acceptLanguage = acceptLanguage
        request.country = country
        request.client = client
        return request
    }

    /// The URL's authority as written (the Host header) and the request target (path and
    /// query, as written, without a fragment).
    var hostAndTarget: (host: String, target: [UInt8])? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        var rest = url[schemeEnd.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let slash = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let host = String(rest[..<slash])
        var target = String(rest[slash...])
        if target.hasPrefix("?") { target = "/" + target }
        if target.isEmpty { target = "/" }
        return (host, Array(target.utf8))
    }
}

enum RoutingVectors {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let fileURL = FixturePaths.routing.appendingPathComponent("vectors.json")

    /// All vectors, in file order.
    static func load() throws -> [RoutingVector] {
        let data = try Data(contentsOf: fileURL)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = root["vectors"] as? [[String: Any]] else {
            throw Failure(description: "vectors.json: expected an object with a `vectors` list")
        }
        let defaultAt = try (root["at"] as? String).map(instant) ?? 0
        let defaultClient = root["client"] as? String ?? "127.0.0.1"
        return try list.enumerated().map { index, entry in
            guard let name = entry["name"] as? String, let url = entry["url"] as? String, let status = entry["status"] as? Int else {
                throw Failure(description: "vectors.json: vector \(index + 1) needs `name`, `url` and `status`")
            }
            return RoutingVector(
                name: name, url: url,
                userAgent: entry["user-agent"] as? String, acceptLanguage: entry["accept-language"] as? String,
                country: entry["country"] as? String, client: entry["client"] as? String ?? defaultClient,
                at: try (entry["at"] as? String).map(instant) ?? defaultAt,
                status: status, location: entry["location"] as? String)
        }
    }

    static func instant(_ text: String) throws -> Int64 {
        guard let instant = Instant.parse(text) else { throw Failure(description: "vectors.json: `\(text)` is not an instant") }
        return instant.seconds
    }

    /// Vectors grouped by `at`, in ascending order (a static server config holds one instant).
    static func byInstant(_ vectors: [RoutingVector]) -> [(at: Int64, vectors: [RoutingVector])] {
        Dictionary(grouping: vectors, by: \.at).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
