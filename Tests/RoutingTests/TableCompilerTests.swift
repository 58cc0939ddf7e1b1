import Catalog
import TestSupport
import Testing
@testable import Routing

/// The compiler from decoded YAML (through the real libyaml loader and decoders) to the table.
@Suite struct TableCompilerTests {
    static let policies = """
        version: 1
        default-domain: qr.acme.example
        domains:
          qr.acme.example: {fallback: "https://www.acme.example/qr", not-found: "https://www.acme.example/qr/unknown"}
          CS.Example.: {case-sensitive-slugs: true, country-header: X-Country}

        """

    static let codes = """
        codes:
          - id: A-2
            slug: Beta
            status: active
            target: https://www.acme.example/beta
            redirect: 301
            forward-query: true
            launch: 2026-03-01
            retire: 2031-03-01T12:00:00Z
            utm: {content: banner, source: qr, campaign: spring sale, medium: print, term: coffee}
            routes:
              - when: {device: [ios, android], language: [fr, de], country: [FR, BE]}
                target: https://www.acme.example/fr
              - when: {query: {src: "*", v: "2"}, after: 2026-12-01T00:00:00Z, before: 2027-01-01}
                target: https://www.acme.example/holiday
              - split:
                  - {weight: 70, target: https://www.acme.example/a}
                  - {weight: 30, target: https://www.acme.example/b}
            fallback: https://www.acme.example/own
          - id: A-1
            slug: alpha
            status: paused
            target: https://www.acme.example/alpha
          - id: D-1
            slug: draft-only
            status: draft
            target: https://www.acme.example/draft
          - id: A-3
            slug: zeta
            status: retired
            target: https://www.acme.example/zeta
          - id: A-4
            slug: Archive
            status: archived
            target: https://www.acme.example/archive
          - id: C-2
            slug: b
            domain: cs.example
            status: active
            target: https://cs.example/b
          - id: C-1
            slug: A
            domain: CS.EXAMPLE
            status: active
            target: https://cs.example/a
          - id: O-1
            slug: x
            domain: other.example
            status: active
            target: https://other.example/x
            fallback: https://other.example/

        """

    static func compiled() throws -> (table: RedirectTable, catalog: Catalog) {
        let (catalog, diagnostics) = decodeCatalog(codes: ["codes/all.yaml": codes], policies: ["policies/main.yaml": policies])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(catalog.codes.count == 8)
        return (TableCompiler.compile(catalog), catalog)
    }

    @Test func draftsAreLeftOutAndTheRestIsSortedByDomainThenSlugKey() throws {
        let (table, _) = try Self.compiled()
        #expect(table.domains.map(\.host) == ["cs.example", "other.example", "qr.acme.example"])
        // cs.example is case-sensitive: `A` (0x41) before `b`; qr.acme.example folds `Archive`
        // and `Beta` to `archive` and `beta`, which sort between `alpha` and `zeta`.
        #expect(table.codes.map(\.id) == ["C-1", "C-2", "O-1", "A-1", "A-4", "A-2", "A-3"])
        #expect(table.codes.map(\.slug) == ["A", "b", "x", "alpha", "Archive", "Beta", "zeta"])
        #expect(table.codes.map(\.state) == [.active, .active, .active, .paused, .archived, .active, .retired])
        #expect(!table.codes.contains { $0.id == "D-1" })
    }

    @Test func domainsCarryTheirPolicy() throws {
        let (table, _) = try Self.compiled()
        let cs = try #require(table.domains.first { $0.host == "cs.example" })
        #expect(cs == TableDomain(host: "cs.example", caseSensitiveSlugs: true, countryHeader: "X-Country"))
        let acme = try #require(table.domains.first { $0.host == "qr.acme.example" })
        #expect(acme == TableDomain(host: "qr.acme.example", fallback: "https://www.acme.example/qr", notFound: "https://www.acme.example/qr/unknown"))
        // a domain no policy lists is published without fallback or not-found
        #expect(table.domains.first { $0.host == "other.example" } == TableDomain(host: "other.example"))
        #expect(table.codes.allSatisfy { code in table.domains.contains { $0.host == code.domain } })
    }

    @Test func fallbacksAreTheCodesElseTheDomains() throws {
        let (table, _) = try Self.compiled()
        let fallback = Dictionary(uniqueKeysWithValues: table.codes.map { ($0.id, $0.fallback) })
        #expect(fallback["A-2"] == "https://www.acme.example/own")
        #expect(fallback["A-1"] == "https://www.acme.example/qr")
        #expect(fallback["A-3"] == "https://www.acme.example/qr")
        #expect(fallback["C-1"] == .some(nil))
        #expect(fallback["O-1"] == "https://other.example/")
    }

    @Test func aCodeCompilesToItsFields() throws {
        let (table, _) = try Self.compiled()
        let code = try #require(table.codes.first { $0.id == "A-2" })
        #expect(code.domain == "qr.acme.example")
        #expect(code.status == 301)
        #expect(code.forwardQuery)
        #expect(code.launch == seconds("2026-03-01"))
        #expect(code.retire == seconds("2031-03-01T12:00:00Z"))
        #expect(code.target == "https://www.acme.example/beta")
        // UTM in the fixed order source, medium, campaign, term, content, whatever the YAML order
        #expect(code.utm == [
            QueryParameter(name: "utm_source", value: "qr"), QueryParameter(name: "utm_medium", value: "print"),
            QueryParameter(name: "utm_campaign", value: "spring sale"), QueryParameter(name: "utm_term", value: "coffee"),
            QueryParameter(name: "utm_content", value: "banner"),
        ])
        #expect(code.routes == [
            TableRoute(condition: TableCondition(devices: [.ios, .android], languages: ["fr", "de"], countries: ["FR", "BE"]),
                       outcome: .target("https://www.acme.example/fr")),
            TableRoute(condition: TableCondition(query: [QueryCondition(name: "src", value: nil), QueryCondition(name: "v", value: "2")],
                                                 after: seconds("2026-12-01T00:00:00Z"), before: seconds("2027-01-01")),
                       outcome: .target("https://www.acme.example/holiday")),
            TableRoute(condition: TableCondition(), outcome: .split([
                TableSplitArm(weight: 70, target: "https://www.acme.example/a"), TableSplitArm(weight: 30, target: "https://www.acme.example/b"),
            ])),
        ])
        let paused = try #require(table.codes.first { $0.id == "A-1" })
        #expect(paused.status == 302 && !paused.forwardQuery && paused.utm.isEmpty && paused.routes.isEmpty && paused.launch == nil)
    }

    @Test func theCompiledTableRoutes() throws {
        let (table, _) = try Self.compiled()
        #expect(resolve("https://qr.acme.example/draft-only", in: table)?.outcome == .notFound)
        #expect(resolve("https://qr.acme.example/BETA", in: table)?.codeID == "A-2")
        #expect(resolve("https://qr.acme.example/alpha", in: table)?.location == "https://www.acme.example/qr")
        #expect(resolve("https://cs.example/a", in: table)?.status == 404)
        #expect(resolve("https://cs.example/A", in: table)?.location == "https://cs.example/a")
        #expect(resolve("https://qr.acme.example/Beta?src=x&v=2", in: table, at: "2026-12-24")?.location
                == "https://www.acme.example/holiday?utm_source=qr&utm_medium=print&utm_campaign=spring%20sale&utm_term=coffee&utm_content=banner&src=x&v=2")
        let french = resolve("https://qr.acme.example/beta", in: table, userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile",
                             acceptLanguage: "fr-BE", country: "BE")
        #expect(french?.destination == "https://www.acme.example/fr")
        #expect(french?.cacheControl == "public, max-age=86400")
        #expect(french?.vary == ["User-Agent", "Accept-Language", "CF-IPCountry"])
    }

    @Test func compilingIsDeterministicWhateverTheOrder() throws {
        let (table, catalog) = try Self.compiled()
        var random = SplitMix64(seed: 2026)
        for _ in 0..<20 {
            #expect(TableCompiler.compile(catalog.codes.shuffled(using: &random), policies: catalog.policies) == table)
        }
    }

    /// `qrops build` compiles each file's entries in lint's parallel pass and merges them: for
    /// any split of the catalog into consecutive parts (empty parts too), the same table.
    @Test(arguments: 0..<12)
    func entriesOfConsecutivePartsMergeToTheSameTable(seed: Int) throws {
        let (table, catalog) = try Self.compiled()
        var random = SplitMix64(seed: UInt64(seed))
        var cuts = (0..<Int(random.next() % 5)).map { _ in Int(random.next() % UInt64(catalog.codes.count + 1)) }
        cuts = ([0] + cuts + [catalog.codes.count]).sorted()
        let parts = zip(cuts, cuts.dropFirst()).map { TableCompiler.entries(catalog.codes[$0..<$1], policies: catalog.policies) }
        #expect(TableCompiler.merge(parts, policies: catalog.policies) == table)
        #expect(table.domains.map(\.host).contains("other.example"), "a host the policy does not list is kept")
        // Each code's source is the entry it was taken from.
        let traced = TableCompiler.mergeTracing(parts, policies: catalog.policies)
        #expect(traced.table == table && traced.sources.count == table.codes.count)
        for (code, source) in zip(table.codes, traced.sources) {
            #expect(parts[Int(source.part)].codes[Int(source.entry)] == code)
        }
    }

    /// The merge sorts by the keys' leading words first: where they differ, they order the
    /// keys as their bytes do (short keys, keys sharing 8, 16 or 24 bytes, non-ASCII).
    @Test func leadingWordsOrderKeysAsTheirBytes() {
        let keys = ["qr.acme.example\u{0}a", "qr.acme.example\u{0}ab", "qr.acme.example\u{0}b", "qr.acme.example\u{0}coffee-4hk",
                    "qr.acme.example\u{0}coffee-4hl", "go.acme.example\u{0}x", "q", "", "qr.acme.exampl\u{0}zz", "qr.äcme\u{0}1",
                    "qr.acme.example.long-host.example\u{0}a", "qr.acme.example.long-host.example\u{0}b"]
        for left in keys {
            for right in keys where TableCompiler.leadingWords(left) != TableCompiler.leadingWords(right) {
                #expect((TableCompiler.leadingWords(left) < TableCompiler.leadingWords(right)) == TableCompiler.bytewisePrecedes(left, right),
                        "\(left) \(right)")
            }
        }
    }

    /// Duplicate slugs are a lint error; a table compiled anyway keeps the smallest id.
    @Test func duplicateSlugsKeepTheSmallestIDInAnyOrder() throws {
        let (catalog, diagnostics) = decodeCatalog(codes: ["codes/dup.yaml": """
            codes:
              - {id: X-2, slug: Same, status: active, target: "https://x.example/2"}
              - {id: X-1, slug: same, status: active, target: "https://x.example/1"}
              - {id: X-3, slug: SAME, status: draft, target: "https://x.example/3"}

            """], policies: ["policies/main.yaml": Self.policies])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(catalog.codes.count == 3)
        var random = SplitMix64(seed: 1)
        for _ in 0..<10 {
            let table = TableCompiler.compile(catalog.codes.shuffled(using: &random), policies: catalog.policies)
            #expect(table.codes.map(\.id) == ["X-1"])
        }
    }

    @Test func entryForOneCode() throws {
        let (_, catalog) = try Self.compiled()
        let beta = try #require(catalog.codes.first { $0.id.value == "A-2" })
        let entry = try #require(TableCompiler.entry(for: beta, policies: catalog.policies))
        #expect(entry.domain.host == "qr.acme.example" && entry.domain.notFound == "https://www.acme.example/qr/unknown")
        #expect(entry.code.fallback == "https://www.acme.example/own")
        let cs = try #require(catalog.codes.first { $0.id.value == "C-1" })
        let csEntry = try #require(TableCompiler.entry(for: cs, policies: catalog.policies))
        #expect(csEntry.domain.caseSensitiveSlugs && csEntry.domain.countryHeader == "X-Country")
        let draft = try #require(catalog.codes.first { $0.id.value == "D-1" })
        #expect(TableCompiler.entry(for: draft, policies: catalog.policies) == nil)
    }
}
