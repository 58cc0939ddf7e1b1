import Catalog
import Foundation
import Routing
import Testing

/// Reads `redirects.json` back with Foundation's parser (an independent check that the JSON is
/// standard and complete): the test target's own decoder, not shipped.
enum TableJSONDecoder {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func decode(_ bytes: [UInt8]) throws -> (format: String, version: Int, table: RedirectTable) {
        let root = try object(JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]), "document")
        let domains = try array(root["domains"], "domains").map(domain)
        let codes = try array(root["codes"], "codes").map(code)
        return (try string(root["format"], "format"), try int(root["version"], "version"), RedirectTable(domains: domains, codes: codes))
    }

    static func domain(_ value: Any) throws -> TableDomain {
        let json = try object(value, "domain")
        return TableDomain(
            host: try string(json["host"], "host"), fallback: try optionalString(json["fallback"], "fallback"),
            notFound: try optionalString(json["not-found"], "not-found"),
            caseSensitiveSlugs: try bool(json["case-sensitive-slugs"], "case-sensitive-slugs"),
            countryHeader: try string(json["country-header"], "country-header"))
    }

    static func code(_ value: Any) throws -> TableCode {
        let json = try object(value, "code")
        guard let state = TableState(rawValue: try string(json["state"], "state")) else { throw Failure(description: "bad state") }
        return TableCode(
            id: try string(json["id"], "id"), domain: try string(json["domain"], "domain"), slug: try string(json["slug"], "slug"),
            state: state, launch: try instant(json["launch"]), retire: try instant(json["retire"]),
            status: try int(json["status"], "status"), target: try optionalString(json["target"], "target"),
            forwardQuery: try json["forward-query"].map { try bool($0, "forward-query") } ?? false,
            utm: try pairs(json["utm"]).map { QueryParameter(name: $0.0, value: $0.1 ?? "<null>") },
            routes: try (json["routes"].map { try array($0, "routes") } ?? []).map(route),
            fallback: try optionalString(json["fallback"], "fallback"))
    }

    static func route(_ value: Any) throws -> TableRoute {
        let json = try object(value, "route")
        let when = try object(json["when"] as Any, "when")
        let devices = try (when["device"].map { try array($0, "device") } ?? []).map { item -> Device in
            guard let device = Device(rawValue: try string(item, "device")) else { throw Failure(description: "bad device") }
            return device
        }
        let condition = TableCondition(
            devices: devices,
            languages: try (when["language"].map { try array($0, "language") } ?? []).map { try string($0, "language") },
            countries: try (when["country"].map { try array($0, "country") } ?? []).map { try string($0, "country") },
            query: try pairs(when["query"]).map { QueryCondition(name: $0.0, value: $0.1) },
            after: try instant(when["after"]), before: try instant(when["before"]))
        if let split = json["split"] {
            let arms = try array(split, "split").map { arm -> TableSplitArm in
                let json = try object(arm, "arm")
                return TableSplitArm(weight: try int(json["weight"], "weight"), target: try string(json["target"], "target"))
            }
            return TableRoute(condition: condition, outcome: .split(arms))
        }
        return TableRoute(condition: condition, outcome: .target(try string(json["target"], "target")))
    }

    static func pairs(_ value: Any?) throws -> [(String, String?)] {
        try (value.map { try array($0, "pairs") } ?? []).map { item in
            let json = try object(item, "pair")
            return (try string(json["name"], "name"), try optionalString(json["value"], "value"))
        }
    }

    static func instant(_ value: Any?) throws -> Int64? {
        guard let value else { return nil }
        if let text = value as? String {
            guard let instant = Instant.parse(text) else { throw Failure(description: "bad instant \(text)") }
            return instant.seconds
        }
        return Int64(try int(value, "instant"))
    }

    static func object(_ value: Any, _ what: String) throws -> [String: Any] {
        guard let object = value as? [String: Any] else { throw Failure(description: "\(what) is not an object") }
        return object
    }

    static func array(_ value: Any?, _ what: String) throws -> [Any] {
        guard let array = value as? [Any] else { throw Failure(description: "\(what) is not an array") }
        return array
    }

    static func string(_ value: Any?, _ what: String) throws -> String {
        guard let text = value as? String else { throw Failure(description: "\(what) is not a string") }
        return text
    }

    static func optionalString(_ value: Any?, _ what: String) throws -> String? {
        guard let value, !(value is NSNull) else { return nil }
        return try string(value, what)
    }

    static func int(_ value: Any?, _ what: String) throws -> Int {
        guard let number = value as? NSNumber, !number.stringValue.contains(".") else {
            throw Failure(description: "\(what) is not an integer")
        }
        return Int(number.int64Value)
    }

    static func bool(_ value: Any?, _ what: String) throws -> Bool {
        guard let flag = value as? Bool else { throw Failure(description: "\(what) is not a boolean") }
        return flag
    }
}
