import Catalog
import Review
import Testing

@Suite("CatalogDiff: codes matched by id, field by field")
struct CatalogDiffTests {
    typealias P = PortfolioPair

    @Test func identicalPortfoliosHaveNoChanges() async {
        let files = ["codes/a.yaml": P.code("A-1", slug: "a"), "codes/b.yaml": P.code("B-1", slug: "b")]
        #expect(await P.diff(base: files, head: files).isEmpty)
    }

    @Test func aMovedFileWithTheSameCodeIsNoChange() async {
        let code = P.code("A-1", slug: "a", extra: "labels: {campaign: x}\n")
        let changes = await P.diff(base: ["codes/old/a.yaml": code], head: ["codes/new/place/renamed.yaml": code])
        #expect(changes.isEmpty)
    }

    @Test func aCodeMovedIntoAListFileIsNoChange() async {
        let base = ["codes/a.yaml": P.code("A-1", slug: "a"), "codes/b.yaml": P.code("B-1", slug: "b")]
        let head = ["codes/all.yaml": """
            codes:
              - {id: A-1, slug: a, owner: team-a, status: active, target: "https://www.example.com/x"}
              - {id: B-1, slug: b, owner: team-a, status: active, target: "https://www.example.com/x"}

            """]
        #expect(await P.diff(base: base, head: head).isEmpty)
    }

    @Test func rePointingIsMediumWithBeforeAndAfter() async throws {
        let changes = await P.diff(base: ["codes/a.yaml": P.code("A-1", slug: "a", target: "https://www.example.com/one")],
                                   head: ["codes/a.yaml": P.code("A-1", slug: "a", target: "https://www.example.com/two")])
        let change = try #require(changes.first)
        #expect(changes.count == 1)
        #expect(change.kind == .modified)
        #expect(change.risk == .medium)
        #expect(change.categories == [.repointed])
        #expect(change.fields.map(\.field) == ["target"])
        #expect(change.fields.first?.before == "https://www.example.com/one")
        #expect(change.fields.first?.after == "https://www.example.com/two")
        #expect(change.fields.first?.afterLocation?.description == "codes/a.yaml:5:9")
        #expect(change.fields.first?.beforeLocation?.description == "codes/a.yaml:5:9")
    }

    @Test func pausingAPrintedCodeIsHigh() async throws {
        let changes = await P.diff(base: ["codes/a.yaml": P.code("A-1", slug: "a")],
                                   head: ["codes/a.yaml": P.code("A-1", slug: "a", status: "paused")])
        let change = try #require(changes.first)
        #expect(change.risk == .high)
        #expect(change.categories == [.paused])
        #expect(change.topReasons.map(\.text) == ["printed code paused: scans go to the fallback"])
    }

    @Test func pausingADraftIsOnlyMedium() async throws {
        let changes = await P.diff(base: ["codes/a.yaml": P.code("A-1", slug: "a", status: "draft")],
                                   head: ["codes/a.yaml": P.code("A-1", slug: "a", status: "paused")])
        #expect(try #require(changes.first).risk == .medium)
    }

    @Test func aNewDestinationDomainOnAPrintedCodeIsHigh() async throws {
        let changes = await P.diff(base: ["codes/a.yaml": P.code("A-1", slug: "a")],
                                   head: ["codes/a.yaml": P.code("A-1", slug: "a", target: "https://www.example.org/x")])
        let change = try #require(changes.first)
        #expect(change.risk == .high)
        #expect(change.topReasons.map(\.text) == ["printed code sends scans to a new domain: www.example.org"])
    }

    @Test func anyChangeInARegulatedCategoryIsHigh() async throws {
        let base = P.code("A-1", slug: "a", extra: "compliance: alcohol\nlabels: {campaign: x}\n")
        let head = P.code("A-1", slug: "a", extra: "compliance: alcohol\nlabels: {campaign: y}\n")
        let change = try #require(await P.diff(base: ["codes/a.yaml": base], head: ["codes/a.yaml": head]).first)
        #expect(change.risk == .high)
        #expect(change.categories == [.labels])
        #expect(change.topReasons.map(\.text) == ["regulated compliance category `alcohol`"])
        // Leaving the regulated category is as risky as being in it.
        let leaving = try #require(await P.diff(
            base: ["codes/a.yaml": base], head: ["codes/a.yaml": P.code("A-1", slug: "a", extra: "compliance: general\nlabels: {campaign: x}\n")]).first)
        #expect(leaving.risk == .high)
        #expect(leaving.categories == [.compliance])
    }

    @Test func metadataOnlyIsLow() async throws {
        let change = try #require(await P.diff(
            base: ["codes/a.yaml": P.code("A-1", slug: "a", extra: "labels: {campaign: x}\nartwork: {ec: Q}\n")],
            head: ["codes/a.yaml": P.code("A-1", slug: "a", extra: "labels: {campaign: y, region: eu}\nartwork: {ec: H}\n")]).first)
        #expect(change.risk == .low)
        #expect(change.categories == [.labels, .artwork])
        #expect(change.fields.map(\.field) == ["labels.campaign", "labels.region", "artwork.ec"])
        #expect(change.fields[1].before == nil)
    }

    @Test func labelOrderAndTagOrderAreNotChanges() async {
        let changes = await P.diff(
            base: ["codes/a.yaml": P.code("A-1", slug: "a", extra: "labels: {x: '1', y: '2'}\ntags: [p, q]\n")],
            head: ["codes/a.yaml": P.code("A-1", slug: "a", extra: "labels: {y: '2', x: '1'}\ntags: [q, p]\n")])
        #expect(changes.isEmpty)
    }

    @Test func writingADefaultExplicitlyIsNoChange() async {
        let changes = await P.diff(base: ["codes/a.yaml": P.code("A-1", slug: "a")],
                                   head: ["codes/a.yaml": P.code("A-1", slug: "a", extra: "domain: qr.example.com\nredirect: 302\nforward-query: false\n")])
        #expect(changes.isEmpty)
    }

    @Test func aChangedFolderDefaultChangesEveryCodeBelowIt() async {
        let base = ["codes/x/_defaults.yaml": "labels: {campaign: old}\n",
                    "codes/x/a.yaml": P.code("A-1", slug: "a"), "codes/x/b.yaml": P.code("B-1", slug: "b"),
                    "codes/y.yaml": P.code("C-1", slug: "c")]
        var head = base
        head["codes/x/_defaults.yaml"] = "labels: {campaign: new}\n"
        let changes = await P.diff(base: base, head: head)
        #expect(changes.map(\.id) == ["A-1", "B-1"])
        #expect(changes.allSatisfy { $0.fields.first?.afterLocation?.file == "codes/x/_defaults.yaml" })
    }

    @Test func expectationsSeeingADifferentResultIsHigh() async throws {
        let expect = "expect:\n  - when: {at: 2030-01-01T00:00:00Z}\n    target: https://www.example.com/x\n"
        let change = try #require(await P.diff(
            base: ["codes/a.yaml": P.code("A-1", slug: "a", status: "paused", extra: "fallback: https://www.example.com/h\n" + expect)],
            head: ["codes/a.yaml": P.code("A-1", slug: "a", status: "paused", extra: "fallback: https://www.example.com/s\n" + expect)]).first)
        #expect(change.risk == .high)
        #expect(change.topReasons.map(\.text) == ["changes what the code's `expect:` entries see"])
    }

    /// The routing engine will replace the conservative probe: the classifier takes any.
    struct NeverAltered: ExpectationProbe {
        func altersExpectations(base: Code, head: Code, changes: [FieldChange], basePolicies: Policies, headPolicies: Policies) -> Bool {
            false
        }
    }

    @Test func theExpectationProbeIsPluggable() async throws {
        let expect = "expect:\n  - when: {at: 2030-01-01T00:00:00Z}\n    target: https://www.example.com/x\n"
        let change = try #require(await P.diff(
            base: ["codes/a.yaml": P.code("A-1", slug: "a", status: "paused", extra: "fallback: https://www.example.com/h\n" + expect)],
            head: ["codes/a.yaml": P.code("A-1", slug: "a", status: "paused", extra: "fallback: https://www.example.com/s\n" + expect)],
            classifier: RiskClassifier(probe: NeverAltered())).first)
        #expect(change.risk == .medium)
    }

    @Test func deletionsAndAdditions() async throws {
        let base = ["codes/a.yaml": P.code("A-1", slug: "a"), "codes/d.yaml": P.code("D-1", slug: "d", status: "draft")]
        let head = ["codes/n.yaml": P.code("N-1", slug: "n", status: "draft")]
        let changes = await P.diff(base: base, head: head)
        #expect(changes.map { "\($0.risk) \($0.id) \($0.kind)" } == ["high A-1 deleted", "low D-1 deleted", "low N-1 added"])
        let deleted = try #require(changes.first)
        #expect(deleted.file == "codes/a.yaml")
        #expect(deleted.head == nil)
        #expect(deleted.fields.allSatisfy { $0.after == nil && $0.before != nil })
    }

    @Test func filesThatCannotBeReadAreNotDeletions() async {
        let base = await P.catalog(["codes/a.yaml": P.code("A-1", slug: "a")])
        let head = await P.catalog(["codes/a.yaml": "id: A-1\nslug: [broken\n"])
        #expect(CatalogDiff.compare(base: base, head: head, incompleteHeadFiles: ["codes/a.yaml"]).isEmpty)
        #expect(CatalogDiff.compare(base: base, head: head).map(\.kind) == [.deleted])
    }

    @Test func aChangedDefaultDomainMovesCodesWithoutTheirOwn() async throws {
        let moved = PortfolioPair.policies.replacingOccurrences(of: "default-domain: qr.example.com", with: "default-domain: go.example.com")
        let files = ["codes/a.yaml": P.code("A-1", slug: "a"), "codes/b.yaml": P.code("B-1", slug: "b", extra: "domain: qr.example.com\n")]
        let changes = await P.diff(base: files, head: files, headPolicies: moved)
        let change = try #require(changes.first)
        #expect(changes.map(\.id) == ["A-1"])
        #expect(change.fields.map { "\($0.field): \($0.before ?? "") → \($0.after ?? "")" } == ["domain: qr.example.com → go.example.com"])
        #expect(change.risk == .high)
    }

    @Test func reportOrderIsRiskThenID() async {
        let base = ["codes/1.yaml": P.code("Z-1", slug: "z"), "codes/2.yaml": P.code("A-1", slug: "a"),
                    "codes/3.yaml": P.code("M-1", slug: "m", extra: "labels: {k: v}\n")]
        let head = ["codes/1.yaml": P.code("Z-1", slug: "z", status: "paused"),
                    "codes/2.yaml": P.code("A-1", slug: "a", extra: "labels: {k: w}\n"),
                    "codes/3.yaml": P.code("M-1", slug: "m", extra: "labels: {k: w}\n")]
        #expect(await P.diff(base: base, head: head).map(\.id) == ["Z-1", "A-1", "M-1"])
    }

    @Test func routesCompareInOrder() async throws {
        let routes = { (first: String, second: String) in
            "routes:\n  - when: {\(first)}\n    target: https://www.example.com/1\n  - when: {\(second)}\n    target: https://www.example.com/2\n"
        }
        let change = try #require(await P.diff(
            base: ["codes/a.yaml": P.code("A-1", slug: "a", status: "draft", extra: routes("device: ios", "language: fr"))],
            head: ["codes/a.yaml": P.code("A-1", slug: "a", status: "draft", extra: routes("language: fr", "device: ios"))]).first)
        #expect(change.categories == [.rerouted])
        #expect(change.fields.map(\.field) == ["routes[1]", "routes[2]"])
        #expect(change.fields.first?.before == "when {device: [ios]} → https://www.example.com/1")
        #expect(change.fields.first?.after == "when {language: [fr]} → https://www.example.com/1")
    }
}
