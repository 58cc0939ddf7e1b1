import Catalog
import Diagnostics

/// One place a scan can be sent: a code's `target`, a route or split target, a `fallback`, or
/// a short domain's `fallback` / `not-found` in `policies/`.
public struct Destination: Sendable {
    public let value: Located<String>
    /// The code's compliance category (nil for a domain's own destinations).
    public let category: String?

    init(_ value: Located<String>, category: String?) {
        self.value = value
        self.category = category
    }

    /// The destination split into its parts (computed on each use: bind it once).
    var url: DestinationURL { DestinationURL(value.value) }

    var text: String { value.value }

    /// True when the destination holds `byte` anywhere (a cheap test before splitting it).
    func contains(byte: UInt8) -> Bool {
        value.value.utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? value.value.utf8.contains(byte)
    }

    /// How many columns the finding highlights: the value as written.
    var length: Int { max(1, value.value.unicodeScalars.count) }

    /// The host in ASCII and Unicode forms, when the URL has one.
    var hostName: HostName? { url.host.flatMap(HostName.init) }
}

/// A rule that checks every destination the same way, wherever it is written: codes (per
/// code) and the short domains' fallbacks in `policies/` (per catalog).
///
/// Its verdict must depend only on the destination's text and category and on the context
/// (the location only places the finding): the engine checks each code's destinations itself
/// and skips the ones that every destination rule already passed (`CleanDestinations`), so a
/// destination rule keeps the per-code check below rather than overriding it.
public protocol DestinationRule: Rule {
    func check(_ destination: Destination, context: RuleContext, into findings: inout [Diagnostic])
}

extension DestinationRule {
    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        let category = code.compliance?.value
        if let target = code.target { check(Destination(target, category: category), context: context, into: &findings) }
        for route in code.routes {
            if let target = route.target { check(Destination(target, category: category), context: context, into: &findings) }
            for arm in route.split { check(Destination(arm.target, category: category), context: context, into: &findings) }
        }
        if let fallback = code.fallback { check(Destination(fallback, category: category), context: context, into: &findings) }
    }

    public func check(_ catalog: Catalog, context: RuleContext, into findings: inout [Diagnostic]) {
        for key in catalog.policies.domains.keys.sorted() {
            guard let domain = catalog.policies.domains[key] else { continue }
            for value in [domain.fallback, domain.notFound].compactMap({ $0 }) {
                check(Destination(value, category: nil), context: context, into: &findings)
            }
        }
    }
}
