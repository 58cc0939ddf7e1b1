import Foundation
import Routing
import TableFormat
import Testing

/// The shared vectors are what `qrops resolve` answers: lint the fixture portfolio, compile the
/// table, and run the router over it, exactly as the CLI does. The server tests then hold every
/// server to these same answers.
@Suite struct EngineVectorTests {
    @Test func vectorsAreManyAndNamedUniquely() throws {
        let vectors = try RoutingVectors.load()
        #expect(vectors.count >= 80)
        #expect(Set(vectors.map(\.name)).count == vectors.count)
        for vector in vectors {
            #expect(vector.hostAndTarget != nil && vector.request != nil, "\(vector.name): unusable URL")
            #expect((vector.status == 404) == (vector.location == nil), "\(vector.name): a Location exactly when not 404")
            #expect(vector.client.hasPrefix("127."), "\(vector.name): the client must be a loopback address the HTTP client can bind")
        }
    }

    @Test func engineAnswersEveryVector() async throws {
        let vectors = try RoutingVectors.load()
        let table = try await FixturePortfolio.table(now: RoutingVectors.byInstant(vectors).first?.at ?? 0)
        let index = TableIndex(table)
        for vector in vectors {
            let request = try #require(vector.request)
            let answer = Router.resolve(request, in: index)
            #expect(answer.status == vector.status && answer.location == vector.location,
                    "\(vector.name): the engine answers \(answer.status) \(answer.location ?? "(none)"), the vector expects \(vector.status) \(vector.location ?? "(none)")\n\(answer.trace.joined(separator: "\n"))")
        }
    }

    /// The same answers from the compact table `qrops build` writes (`redirects.qrt`, read back
    /// through the validating reader, as `qrops resolve --table` does).
    @Test func theCompactTableAnswersEveryVectorLikeTheEngine() async throws {
        let vectors = try RoutingVectors.load()
        let table = try await FixturePortfolio.table(now: RoutingVectors.byInstant(vectors).first?.at ?? 0)
        let reader = try QRTReader(bytes: try QRTWriter.write(table), verification: .full)
        #expect(try reader.table() == table)
        let index = TableIndex(table)
        for vector in vectors {
            let request = try #require(vector.request)
            #expect(Router.resolve(request, in: reader) == Router.resolve(request, in: index), "\(vector.name)")
        }
    }

    /// The portfolio really uses every routing feature the servers must reproduce.
    @Test func fixtureUsesEveryRoutingFeature() async throws {
        let table = try await FixturePortfolio.table(now: 0)
        let codes = table.codes
        let conditions = codes.flatMap(\.routes).map(\.condition)
        #expect(Set(codes.map(\.state)) == Set(TableState.allCases))
        #expect(Set(codes.map(\.status)) == [301, 302, 307, 308])
        #expect(codes.contains { $0.launch != nil } && codes.contains { $0.retire != nil })
        #expect(conditions.contains { !$0.devices.isEmpty })
        #expect(conditions.contains { !$0.languages.isEmpty })
        #expect(conditions.contains { !$0.countries.isEmpty })
        #expect(conditions.contains { !$0.query.isEmpty } && conditions.contains { $0.query.contains { $0.value == nil } })
        #expect(conditions.contains { $0.after != nil } && conditions.contains { $0.before != nil })
        #expect(codes.flatMap(\.routes).contains { if case .split = $0.outcome { true } else { false } })
        #expect(codes.contains { $0.forwardQuery } && codes.contains { !$0.utm.isEmpty })
        #expect(codes.contains { $0.target?.contains("#") == true })
        #expect(codes.contains { code in code.utm.contains { utm in code.target?.contains(utm.name + "=") == true } })
        #expect(table.domains.contains { $0.caseSensitiveSlugs } && table.domains.contains { !$0.caseSensitiveSlugs })
        #expect(table.domains.contains { $0.notFound != nil } && table.domains.contains { $0.notFound == nil })
        #expect(table.domains.contains { $0.fallback == nil })
        #expect(Set(table.domains.map(\.countryHeader)).count > 1)
    }
}
