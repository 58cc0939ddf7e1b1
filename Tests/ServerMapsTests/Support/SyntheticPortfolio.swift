import Foundation
import Routing

/// A generated table of many plain codes on one case-insensitive domain, for scale tests of
/// the emitters (slugs share prefixes on purpose, so the Caddy prefix tree goes several levels
/// deep), and probes (with their expected answers from the engine) for a sample of them.
enum SyntheticPortfolio {
    static let host = "qr.scale.example"

    static func slug(_ index: Int) -> String {
        // "a0", "a1", ... "aa0": deep shared prefixes, digits, and a hyphen now and then.
        let letters = Array("abcdefghij")
        var text = ""
        var rest = index
        repeat {
            text.append(letters[rest % letters.count])
            rest /= letters.count
        } while rest > 0
        return text + (index % 7 == 0 ? "-x" : "") + String(index % 3)
    }

    static func table(count: Int, status: Int = 302) -> RedirectTable {
        let domain = TableDomain(host: host, fallback: "https://www.scale.example/fallback", notFound: "https://www.scale.example/unknown")
        var codes: [TableCode] = []
        var seen = Set<String>()
        var index = 0
        while codes.count < count {
            let slug = slug(index)
            index += 1
            guard seen.insert(slug).inserted else { continue }
            codes.append(TableCode(id: "SC-\(codes.count)", domain: host, slug: slug, state: .active, status: status,
                                   target: "https://www.scale.example/t/\(slug)?n=\(codes.count)"))
        }
        codes.sort { $0.slug.utf8.lexicographicallyPrecedes($1.slug.utf8) }
        return RedirectTable(domains: [domain], codes: codes)
    }

    /// The first, the last, every `count / sample`-th code (upper-cased every other time), and
    /// slugs that are not codes (a code's slug plus a letter, and a prefix of one).
    static func probes(_ table: RedirectTable, sample: Int) -> [VectorReplay.Probe] {
        let index = TableIndex(table)
        let step = max(1, table.codes.count / sample)
        var paths: [String] = []
        for (offset, code) in table.codes.enumerated() where offset % step == 0 || offset == table.codes.count - 1 {
            paths.append("/" + (offset % 2 == 0 ? code.slug : code.slug.uppercased()))
            paths.append("/" + code.slug + "z")
        }
        paths.append("/a")
        paths.append("/")
        return paths.map { path in
            let request = ScanRequest(host: host, path: path, at: 0)
            let answer = Router.resolve(request, in: index)
            return VectorReplay.Probe(name: path, host: host, target: Array(path.utf8), headers: [], client: "127.0.0.1",
                                      accepted: [(answer.status, answer.location)])
        }
    }
}
