/// The keys of a code's mapping, in documentation order (`CodeDecoder.keys`).
enum CodeKey: String, CaseIterable {
    case id, slug, domain, name, owner, status, use, compliance, labels, tags, launch, retire, target, redirect
    case forwardQuery = "forward-query"
    case utm, routes, fallback, artwork, expect
    case scanDistance = "scan-distance"
    case changeReason = "change-reason"
    case ignore

    /// The key `text` names, if any. Every code entry is dispatched through here, so it looks
    /// at the length and first byte before comparing once (keys are lower-case ASCII, which
    /// no other text is canonically equivalent to, so the result is `init(rawValue:)`'s).
    init?(_ text: String) {
        let utf8 = text.utf8
        guard let first = utf8.first else { return nil }
        let candidate: CodeKey
        switch (utf8.count, first) {
        case (2, UInt8(ascii: "i")): candidate = .id
        case (3, UInt8(ascii: "u")): candidate = utf8.last == UInt8(ascii: "e") ? .use : .utm
        case (4, UInt8(ascii: "s")): candidate = .slug
        case (4, UInt8(ascii: "n")): candidate = .name
        case (4, UInt8(ascii: "t")): candidate = .tags
        case (5, UInt8(ascii: "o")): candidate = .owner
        case (6, UInt8(ascii: "d")): candidate = .domain
        case (6, UInt8(ascii: "s")): candidate = .status
        case (6, UInt8(ascii: "l")): candidate = utf8.last == UInt8(ascii: "s") ? .labels : .launch
        case (6, UInt8(ascii: "r")): candidate = utf8.last == UInt8(ascii: "e") ? .retire : .routes
        case (6, UInt8(ascii: "t")): candidate = .target
        case (6, UInt8(ascii: "e")): candidate = .expect
        case (6, UInt8(ascii: "i")): candidate = .ignore
        case (7, UInt8(ascii: "a")): candidate = .artwork
        case (8, UInt8(ascii: "r")): candidate = .redirect
        case (8, UInt8(ascii: "f")): candidate = .fallback
        case (10, UInt8(ascii: "c")): candidate = .compliance
        case (13, UInt8(ascii: "f")): candidate = .forwardQuery
        case (13, UInt8(ascii: "s")): candidate = .scanDistance
        case (13, UInt8(ascii: "c")): candidate = .changeReason
        default: return nil
        }
        guard text == candidate.rawValue else { return nil }
        self = candidate
    }
}
