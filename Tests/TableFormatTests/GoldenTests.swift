import Routing
import Testing
@testable import TableFormat

/// The exact bytes of a small fixed table, as a hex dump, and its JSON (both forms).
@Suite struct GoldenTests {
    static let table = RedirectTable(
        domains: [TableDomain(host: "qr.acme.example", fallback: "https://www.acme.example/qr", notFound: "https://www.acme.example/qr/unknown")],
        codes: [
            TableCode(id: "RET-EU-0000001", domain: "qr.acme.example", slug: "cx1", state: .active,
                      launch: 1_772_323_200, retire: 1_930_089_600, status: 302,
                      target: "https://www.acme.example/eu/retail/coffee-x1/setup", forwardQuery: true,
                      utm: [QueryParameter(name: "utm_source", value: "qr"), QueryParameter(name: "utm_campaign", value: "coffee-x1")],
                      routes: [
                          TableRoute(condition: TableCondition(devices: [.ios]), outcome: .target("https://apps.apple.com/app/id0000000001")),
                          TableRoute(condition: TableCondition(languages: ["fr"], countries: ["FR", "BE"]),
                                     outcome: .target("https://www.acme.example/fr/retail/coffee-x1/setup")),
                          TableRoute(condition: TableCondition(query: [QueryCondition(name: "mode", value: nil)], after: 1_796_083_200),
                                     outcome: .split([TableSplitArm(weight: 50, target: "https://www.acme.example/eu/retail/coffee-x1/a"),
                                                      TableSplitArm(weight: 50, target: "https://www.acme.example/eu/retail/coffee-x1/b")])),
                      ],
                      fallback: "https://www.acme.example/eu/retail"),
            TableCode(id: "RET-EU-0000002", domain: "qr.acme.example", slug: "kettle", state: .paused,
                      target: "https://www.acme.example/eu/retail/kettle-k2/setup", fallback: "https://www.acme.example/eu/retail"),
        ])

    @Test func qrtBytes() throws {
        GoldenFile.check(GoldenFile.hexDump(try QRTWriter.write(Self.table)), named: "small-table.qrt.hex")
    }

    @Test func prettyJSON() throws {
        GoldenFile.check(String(decoding: TableJSONWriter.write(Self.table, pretty: true), as: UTF8.self), named: "small-table.json")
    }

    @Test func minifiedJSON() throws {
        GoldenFile.check(String(decoding: TableJSONWriter.write(Self.table), as: UTF8.self), named: "small-table.min.json")
    }
}
