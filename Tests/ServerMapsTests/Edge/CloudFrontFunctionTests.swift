import Foundation
import Routing
import ServerMaps
import Testing

/// The emitted CloudFront Function, run by Node.js (the JavaScript engine closest to
/// CloudFront's runtime we can run) with a stand-in for the `cloudfront` module whose key value
/// store is the emitted `key-value-store.json`: it answers the shared vectors of every code the
/// store holds exactly like the engine (status, Location, Cache-Control, Vary). Vectors with a
/// query are left out: CloudFront hands functions a parsed query string whose exact shape a
/// stand-in would only guess.
@Suite struct CloudFrontFunctionTests {
    @Test(.serverTool("node")) func answersTheVectorsOfTheCodesItServes() async throws {
        let vectors = try RoutingVectors.load()
        let groups = RoutingVectors.byInstant(vectors)
        let table = try await FixturePortfolio.table(now: groups.first?.at ?? 0)
        let node = try ServerTool.require("node")
        var checked = 0
        for group in groups {
            let result = CloudFrontEmitter.emit(table, options: EmitOptions(at: group.at))
            let refused = Set(result.findings.filter { $0.severity == .error }.compactMap(\.codeID))
            let directory = try TemporaryDirectory("cloudfront")
            defer { directory.remove() }
            try directory.write(result.files)
            let function = String(decoding: result.files.first { $0.path == "cloudfront/function.js" }?.bytes ?? [], as: UTF8.self)
            try directory.write(function + "\nexport { handler };\n", to: "function.mjs")
            try directory.write(#"{"name": "cloudfront", "type": "module", "main": "index.js"}"#, to: "node_modules/cloudfront/package.json")
            try directory.write(Self.storeStandIn, to: "node_modules/cloudfront/index.js")
            try directory.write(Self.driver, to: "run.mjs")
            var cases: [(vector: RoutingVector, answer: Resolution)] = []
            var events: [[String: Any]] = []
            for vector in group.vectors {
                guard let request = vector.request, request.query == nil, let parts = vector.hostAndTarget else { continue }
                let answer = EngineOracle.resolve(request, table: table)
                if let code = answer.codeID, refused.contains(code) { continue }
                if case .split = answer.outcome { continue }
                cases.append((vector, answer))
                events.append(["host": parts.host, "uri": String(decoding: parts.target, as: UTF8.self)])
            }
            try directory.write(String(decoding: try JSONSerialization.data(withJSONObject: events), as: UTF8.self), to: "events.json")
            let (status, output) = try ServerProcess.run(node, ["run.mjs"], in: directory.url)
            #expect(status == 0, "node: \(output)")
            let lines = output.split(separator: "\n")
            #expect(lines.count == cases.count, "node answered \(lines.count) of \(cases.count) events:\n\(output)")
            for (line, item) in zip(lines, cases) {
                let got = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let expected = item.answer
                #expect(got["status"] as? Int == expected.status, "\(item.vector.name): status \(got)")
                #expect(got["location"] as? String == expected.location, "\(item.vector.name): \(got)")
                #expect(got["cache"] as? String == expected.cacheControl, "\(item.vector.name): \(got)")
                #expect(got["vary"] as? String == (expected.vary.isEmpty ? nil : expected.vary.joined(separator: ", ")), "\(item.vector.name): \(got)")
                checked += 1
            }
        }
        #expect(checked >= 40, "too few vectors reach codes the store holds")
    }

    /// `cloudfront.kvs(id).get(key)`: the value, or a rejection for a missing key (as CloudFront).
    static let storeStandIn = """
        import { readFileSync } from 'fs';
        const data = JSON.parse(readFileSync(new URL('../../cloudfront/key-value-store.json', import.meta.url))).data;
        const values = new Map(data.map((entry) => [entry.key, entry.value]));
        export default {
            kvs() {
                return { async get(key) { if (values.has(key)) return values.get(key); throw new Error('key not found'); } };
            },
        };

        """

    /// Runs the handler on each event (host and raw request target) and prints the answers.
    static let driver = """
        import { readFileSync } from 'fs';
        import { handler } from './function.mjs';
        const events = JSON.parse(readFileSync('events.json'));
        for (const event of events) {
            const response = await handler({ request: { uri: event.uri, querystring: {}, headers: { host: { value: event.host } } } });
            const header = (name) => (response.headers[name] ? response.headers[name].value : null);
            console.log(JSON.stringify({ status: response.statusCode, location: header('location'), cache: header('cache-control'), vary: header('vary') }));
        }

        """
}
