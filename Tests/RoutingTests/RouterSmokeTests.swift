import Testing
@testable import Routing

@Suite struct RouterBasicsTests {
    static let domain = TableDomain(host: "qr.acme.example", fallback: "https://www.acme.example/qr", notFound: "https://www.acme.example/qr/unknown")
    static let table = RedirectTable(domains: [domain], codes: [
        TableCode(id: "A-1", domain: "qr.acme.example", slug: "cx1", state: .active, target: "https://www.acme.example/a",
                  utm: [QueryParameter(name: "utm_source", value: "qr")],
                  routes: [TableRoute(condition: TableCondition(devices: [.ios]), outcome: .target("https://apps.apple.com/x"))]),
    ])

    @Test(arguments: [
        ("https://qr.acme.example/cx1", 302, "https://www.acme.example/a?utm_source=qr"),
        ("https://QR.acme.example:443/CX1/", 302, "https://www.acme.example/a?utm_source=qr"),
        ("https://qr.acme.example/c%78%31", 302, "https://www.acme.example/a?utm_source=qr"),
        ("https://qr.acme.example/nope", 302, "https://www.acme.example/qr/unknown"),
    ])
    func lookup(url: String, status: Int, location: String) throws {
        let request = try #require(ScanRequest(url: url, at: 0))
        let answer = Router.resolve(request, in: TableIndex(Self.table))
        #expect(answer.status == status)
        #expect(answer.location == location)
    }
}

@Suite struct RouterDefensiveTests {
    /// A split without arms cannot be compiled, but a table is data: the router skips it.
    @Test func aSplitWithoutArmsIsSkipped() throws {
        let domain = TableDomain(host: "qr.acme.example")
        let code = TableCode(id: "A-1", domain: "qr.acme.example", slug: "s", state: .active, target: "https://www.acme.example/t",
                             routes: [TableRoute(condition: TableCondition(), outcome: .split([]))])
        let answer = Router.resolve(ScanRequest(host: "qr.acme.example", path: "/s", at: 0), code: code, domain: domain)
        #expect(answer.location == "https://www.acme.example/t" && answer.outcome == .target)
    }
}
