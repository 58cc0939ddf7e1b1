import Catalog
import Testing
import YAMLTree
@testable import Routing

/// `TableCompiler.compile` sorts positions and remembers the last domain; the table must be
/// what the plain algorithm gives: entries ordered by domain and slug key bytewise, the first
/// of two equal keys kept, drafts and codes without a domain left out.
@Suite("Table compiler: order and duplicates")
struct TableCompilerOrderTests {
    static let policies = """
        version: 1
        default-domain: qr.acme.example
        domains:
          qr.acme.example: {fallback: "https://www.acme.example/qr"}
          Go.Acme.Example: {case-sensitive-slugs: true}

        """

    static let codes = """
        codes:
          - {id: A-1, slug: zeta, status: active, target: "https://www.acme.example/1"}
          - {id: A-2, slug: Alpha, status: active, target: "https://www.acme.example/2"}
          - {id: A-3, slug: alpha, status: active, target: "https://www.acme.example/3"}
          - {id: A-4, slug: beta, domain: go.acme.example, status: paused, target: "https://www.acme.example/4"}
          - {id: A-5, slug: Beta, domain: GO.acme.example., status: active, target: "https://www.acme.example/5"}
          - {id: A-6, slug: aa, domain: qr.acme.example, status: retired, target: "https://www.acme.example/6"}
          - {id: A-7, slug: draft, status: draft}
          - {id: A-8, slug: "é", status: active, target: "https://www.acme.example/8"}
          - {id: A-9, slug: "a\\u0301b", domain: go.acme.example, status: active, target: "https://www.acme.example/9"}
          - {id: A-10, slug: "Z", domain: go.acme.example, status: archived, target: "https://www.acme.example/10"}

        """

    @Test func entriesAreThoseOfThePlainAlgorithm() throws {
        var files = FileTable()
        let policyID = files.add("policies/p.yaml")
        let codeID = files.add("codes/c.yaml")
        let policyDocument = try #require(YAMLLoader.load(Self.policies, path: "policies/p.yaml", fileID: policyID).document)
        let (policies, _) = PolicyDecoder.decode([policyDocument], files: files)
        let codeDocument = try #require(YAMLLoader.load(Self.codes, path: "codes/c.yaml", fileID: codeID).document)
        let (codes, problems) = CodeFileDecoder.decode(codeDocument, inherited: nil, files: files)
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        #expect(codes.count == 10)

        // The plain algorithm: compile each code alone, key it, keep the first of equal keys, sort.
        var domains: [String: TableDomain] = [:]
        for (host, policy) in policies.domains {
            let domain = TableCompiler.domain(host, policy)
            domains[domain.host] = domain
        }
        var entries: [(key: String, code: TableCode)] = []
        var seen = Set<String>()
        for code in codes {
            guard let compiled = TableCompiler.compile(code, policies: policies, domains: &domains) else { continue }
            let domain = domains[compiled.domain] ?? TableDomain(host: compiled.domain)
            let key = compiled.domain + "\u{0}" + domain.slugKey(compiled.slug)
            guard seen.insert(key).inserted else { continue }
            entries.append((key, compiled))
        }
        entries.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }

        let table = TableCompiler.compile(codes, policies: policies)
        #expect(table.codes.map(\.id) == entries.map(\.code.id))
        #expect(table.codes == entries.map(\.code))
        // go.acme.example keeps case (`Beta` < `Z` < `a\u{301}b` < `beta`), qr.acme.example folds it (`Alpha` is `alpha`).
        #expect(table.codes.map(\.id) == ["A-5", "A-10", "A-9", "A-4", "A-6", "A-2", "A-1", "A-8"])
    }
}
