import Catalog
import Diagnostics

/// `utm-conflict`: a destination's own `utm_*` parameters agree with the code's `utm:`.
public struct UTMConflictRule: Rule {
    public static let description = RuleDescription(
        id: "utm-conflict",
        name: "Conflicting UTM parameter",
        severity: .warning,
        summary: "A destination that already carries a `utm_*` parameter must not give it a different value than the code's `utm:`.",
        rationale: """
            The code's `utm:` parameters are appended to its target and routes unless the destination already \
            has them, and then the destination's value wins. A destination with `utm_campaign=summer` on a code \
            whose `utm:` says `campaign: winter` therefore reports its scans under `summer`, which is rarely what \
            the author of the `utm:` meant. Values are compared after percent-decoding (and `+` as a space). \
            The fallback is not checked: UTM parameters describe the campaign, not the place scans go after it.
            """,
        triggering: [
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                utm: {source: qr, medium: packaging, campaign: coffee-x1}
                target: ↓https://www.acme.example/x?utm_campaign=summer
                """),
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                utm: {source: qr, campaign: coffee-x1}
                target: https://www.acme.example/x
                routes:
                  - when: {device: ios}
                    target: ↓https://apps.apple.com/app/id1?utm_source=appstore
                """),
        ],
        nonTriggering: [
            // The same value: nothing to resolve.
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                utm: {source: qr, medium: packaging, campaign: coffee x1}
                target: https://www.acme.example/x?utm_campaign=coffee%20x1&ref=box
                """),
            // Parameters the code does not set are the destination's business.
            RuleExample("""
                id: RET-EU-0001
                slug: cx1
                owner: retail-eu
                status: active
                utm: {source: qr}
                target: https://www.acme.example/x?utm_campaign=summer
                """),
        ]
    )

    public init() {}

    public func check(_ code: Code, context: RuleContext, into findings: inout [Diagnostic]) {
        guard !code.utm.isEmpty else { return }
        if let target = code.target { check(target, code: code, into: &findings) }
        code.routes.withUnsafeBufferPointer { routes in
            for index in routes.indices {
                if let target = routes[index].target { check(target, code: code, into: &findings) }
                for arm in routes[index].split { check(arm.target, code: code, into: &findings) }
            }
        }
    }

    private func check(_ destination: Located<String>, code: Code, into findings: inout [Diagnostic]) {
        for (name, value) in Self.utmParameters(in: destination.value) {
            guard let mine = code.utm.first(where: { $0.name == name }) else { continue }
            let written = Self.decoded(value)
            guard written != mine.value.value else { continue }
            findings.append(finding(
                "the destination sets `utm_\(name)=\(written)`, but the code's `utm:` says `\(name): \(mine.value.value)`",
                at: destination.location, length: destination.value.unicodeScalars.count,
                notes: [DiagnosticNote("`\(name)` is set here", at: mine.value.location)],
                hint: "the destination's value wins: remove `utm_\(name)` from the URL, or make the two agree"))
        }
    }

    /// The `utm_*` parameters of a URL's query (between `?` and `#`): name without `utm_`, raw
    /// value. Scans UTF-8; a URL without a `utm_` parameter costs one pass and no allocation.
    static func utmParameters(in url: String) -> [(name: Substring, value: Substring)] {
        let bytes = url.utf8
        guard var cursor = bytes.firstIndex(of: UInt8(ascii: "?")) else { return [] }
        let end = bytes[cursor...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex
        var found: [(name: Substring, value: Substring)] = []
        while cursor < end {
            let start = bytes.index(after: cursor)
            let stop = bytes[start..<end].firstIndex(of: UInt8(ascii: "&")) ?? end
            let pair = url[start..<stop]
            if pair.utf8.starts(with: "utm_".utf8) {
                let nameStart = pair.utf8.index(pair.startIndex, offsetBy: 4)
                let equals = pair.utf8[nameStart...].firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
                let value = equals == pair.endIndex ? pair[pair.endIndex...] : pair[pair.utf8.index(after: equals)...]
                found.append((pair[nameStart..<equals], value))
            }
            cursor = stop
        }
        return found
    }

    /// Percent-decodes a query value, `+` as a space; malformed escapes stay as written.
    static func decoded(_ text: Substring) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                      let high = hexValue(iterator[iterator.startIndex]), let low = hexValue(iterator[iterator.startIndex + 1]) {
                bytes.append(high << 4 | low)
                iterator.removeFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
