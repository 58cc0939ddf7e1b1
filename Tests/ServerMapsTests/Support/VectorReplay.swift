import Foundation
import Routing
import ServerMaps
import Testing

/// Replays routing vectors against a real server and compares status and Location byte for
/// byte with the expected answers.
enum VectorReplay {
    struct Mismatch: Sendable, CustomStringConvertible {
        var vector: String
        var detail: String
        var description: String { "\(vector): \(detail)" }
    }

    /// One scan to send and the answers that count as right (one, or one per split arm for a
    /// server whose splits cannot match the engine's hash).
    struct Probe: Sendable {
        var name: String
        var host: String
        var target: [UInt8]
        var headers: [(String, String)]
        var client: String
        var accepted: [(status: Int, location: String?)]
        /// The engine's headers (checked unless the vector diverges on this server).
        var cacheControl: String?
        var vary: [String]?
    }

    /// Every shared vector on `server`: one emitted config per distinct `at`. The fixture
    /// portfolio must emit without an error finding, the config check must pass without a
    /// warning, and every vector must get its expected status and Location.
    static func checkAllVectors(on server: ServerUnderTest, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let vectors = try RoutingVectors.load()
        let groups = RoutingVectors.byInstant(vectors)
        let table = try await FixturePortfolio.table(now: groups.first?.at ?? 0)
        var total = 0
        for group in groups {
            let emitted = server.emit(table, EmitOptions(at: group.at))
            let errors = emitted.findings.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(server.name) refused parts of the fixture portfolio: \(errors.map(\.message))", sourceLocation: sourceLocation)
            let probes = try group.vectors.map { try probe($0, table: table, server: server) }
            let mismatches = try await ServerSession.with(server, emitted: emitted) { port in
                try replay(probes, port: port)
            }
            for mismatch in mismatches {
                Issue.record("\(server.name), at \(group.at): \(mismatch)", sourceLocation: sourceLocation)
            }
            total += probes.count
        }
        #expect(total == vectors.count, sourceLocation: sourceLocation)
    }

    static func probe(_ vector: RoutingVector, table: RedirectTable, server: ServerUnderTest) throws -> Probe {
        guard let (host, target) = vector.hostAndTarget, let request = vector.request else {
            throw RoutingVectors.Failure(description: "vector `\(vector.name)`: cannot split its URL")
        }
        var headers: [(String, String)] = []
        if let userAgent = vector.userAgent { headers.append(("User-Agent", userAgent)) }
        if let language = vector.acceptLanguage { headers.append(("Accept-Language", language)) }
        if let country = vector.country {
            let domain = table.domains.first { $0.host == SlugPath.host(host) }
            headers.append((domain?.countryHeader ?? TableDomain.defaultCountryHeader, country))
        }
        if let divergence = server.divergences[vector.name] {
            return Probe(name: vector.name, host: host, target: target, headers: headers, client: vector.client,
                         accepted: [(divergence.status, divergence.location)])
        }
        var accepted: [(status: Int, location: String?)] = [(vector.status, vector.location)]
        if !server.splitsMatchEngine {
            accepted = EngineOracle.splitAlternatives(request, table: table) ?? accepted
        }
        let engine = EngineOracle.resolve(request, table: table)
        return Probe(name: vector.name, host: host, target: target, headers: headers, client: vector.client, accepted: accepted,
                     cacheControl: engine.cacheControl, vary: engine.status == 404 ? [] : engine.vary)
    }

    static func replay(_ probes: [Probe], port: Int) throws -> [Mismatch] {
        var mismatches: [Mismatch] = []
        for probe in probes {
            let response: RawHTTPClient.Response
            do {
                response = try RawHTTPClient.get(port: port, target: probe.target, host: probe.host, headers: probe.headers, from: probe.client)
            } catch {
                mismatches.append(Mismatch(vector: probe.name, detail: "request failed: \(error)"))
                continue
            }
            let ok = probe.accepted.contains { expected in
                response.status == expected.status && response.location == expected.location.map { Array($0.utf8) }
            }
            if !ok {
                let got = response.location.map { String(decoding: $0, as: UTF8.self) } ?? "(none)"
                let wanted = probe.accepted.map { "\($0.status) \($0.location ?? "(none)")" }.joined(separator: " or ")
                mismatches.append(Mismatch(vector: probe.name, detail: "expected \(wanted), got \(response.status) \(got)\n\(response)"))
                continue
            }
            let cache = response.header("Cache-Control").map { String(decoding: $0, as: UTF8.self) }
            if let expected = probe.cacheControl, cache != expected {
                mismatches.append(Mismatch(vector: probe.name, detail: "Cache-Control: expected `\(expected)`, got `\(cache ?? "(none)")`"))
            }
            let vary = response.header("Vary").map { value in
                String(decoding: value, as: UTF8.self).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            } ?? []
            if let expected = probe.vary, vary != expected {
                mismatches.append(Mismatch(vector: probe.name, detail: "Vary: expected \(expected), got \(vary)"))
            }
        }
        return mismatches
    }
}

/// The routing engine, as `qrops resolve` runs it.
enum EngineOracle {
    static func resolve(_ request: ScanRequest, table: RedirectTable) -> Resolution {
        Router.resolve(request, in: TableIndex(table))
    }

    /// When the engine answers with a split arm: the answer of every arm (in arm order); nil
    /// otherwise.
    static func splitAlternatives(_ request: ScanRequest, table: RedirectTable) -> [(status: Int, location: String?)]? {
        let answer = resolve(request, table: table)
        guard case .split(let routeIndex, _) = answer.outcome, let codeID = answer.codeID,
              let codeIndex = table.codes.firstIndex(where: { $0.id == codeID }),
              case .split(let arms) = table.codes[codeIndex].routes[routeIndex].outcome else { return nil }
        return arms.map { arm in
            var variant = table
            variant.codes[codeIndex].routes[routeIndex].outcome = .target(arm.target)
            let resolution = resolve(request, table: variant)
            return (resolution.status, resolution.location)
        }
    }
}
