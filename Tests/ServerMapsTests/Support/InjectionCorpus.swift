import Foundation
import Routing

/// `Tests/Fixtures/routing/injection.json`: adversarial destinations and slugs.
struct InjectionEntry: Sendable, CustomStringConvertible {
    enum Kind: String, Sendable { case destination, slug }
    var name: String
    var kind: Kind
    var value: String

    var description: String { name }

    static let domain = TableDomain(host: "qr.acme.example", fallback: "https://www.acme.example/qr",
                                    notFound: "https://www.acme.example/qr/unknown")
    static let safeTarget = "https://www.acme.example/safe"

    /// The entry's code: its value as the target (slug `inj-N`) or as the slug.
    func slug(_ index: Int) -> String { kind == .slug ? value : "inj-\(index)" }
    var target: String { kind == .destination ? value : Self.safeTarget }

    /// A one-code portfolio for lint: the value written as a YAML double-quoted scalar with
    /// every byte outside printable ASCII escaped, so it reaches the catalog unchanged.
    func repositoryFiles(_ index: Int) -> [String: String] {
        [
            "policies/policy.yaml": """
                version: 1
                owners:
                  lab: {name: Lab, contact: lab@acme.example, reviewers: ["@acme/lab"], active: true}
                domains:
                  qr.acme.example:
                    fallback: https://www.acme.example/qr
                    not-found: https://www.acme.example/qr/unknown
                default-domain: qr.acme.example
                rules:
                  retire-required: off

                """,
            "codes/code.yaml": """
                id: INJ-\(index)
                slug: \(Self.yamlQuoted(slug(index)))
                owner: lab
                status: active
                target: \(Self.yamlQuoted(target))

                """,
        ]
    }

    /// The code built straight into a table, bypassing lint (to call emitters with it).
    func tableCode(_ index: Int) -> TableCode {
        TableCode(id: "INJ-\(index)", domain: Self.domain.host, slug: slug(index), state: .active, target: target,
                  fallback: Self.domain.fallback)
    }

    /// The request target that reaches the slug (every byte but unreserved ones percent-encoded).
    func requestTarget(_ index: Int) -> [UInt8] {
        Array(("/" + DestinationComposer.encode(slug(index))).utf8)
    }

    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case " "..."~": out.unicodeScalars.append(scalar)
            default: out += String(format: scalar.value > 0xFFFF ? "\\U%08X" : "\\u%04X", scalar.value)
            }
        }
        return out + "\""
    }

    static func load() throws -> [InjectionEntry] {
        let data = try Data(contentsOf: FixturePaths.routing.appendingPathComponent("injection.json"))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = root["entries"] as? [[String: Any]] else { throw RoutingVectors.Failure(description: "injection.json: no `entries`") }
        return try list.map { entry in
            guard let name = entry["name"] as? String, let kind = (entry["kind"] as? String).flatMap(Kind.init(rawValue:)),
                  var value = entry["value"] as? String else { throw RoutingVectors.Failure(description: "injection.json: malformed entry \(entry)") }
            if let pad = entry["pad-to"] as? Int, value.utf8.count < pad {
                value += String(repeating: "a", count: pad - value.utf8.count)
            }
            return InjectionEntry(name: name, kind: kind, value: value)
        }
    }
}
