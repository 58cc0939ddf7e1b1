import Diagnostics
import Foundation
import Testing
import YAMLTree
@testable import Catalog

/// Converts our YAML tree to JSON the way an editor sees it (YAML 1.2 core schema), so the
/// JSON Schema is checked against what VS Code's YAML extension would validate.
private func coreJSON(_ node: YAMLNode) -> JSONValue {
    switch node.value {
    case .mapping(let entries): return .object(entries.map { ($0.key.text, coreJSON($0.value)) })
    case .sequence(let items): return .array(items.map(coreJSON))
    case .scalar(let scalar):
        guard scalar.style == .plain else { return .string(scalar.text) }
        if scalar.isNull { return .null }
        if scalar.text == "true" || scalar.text == "false" { return .bool(scalar.text == "true") }
        if let int = Int(scalar.text), scalar.text.allSatisfy({ $0.isNumber || $0 == "-" }) { return .int(int) }
        if Double(scalar.text) != nil, scalar.text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) {
            return .object([("__number__", .string(scalar.text))])
        }
        return .string(scalar.text)
    }
}

private let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

private func yamlFiles(under folder: String) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: repoRoot + "/" + folder)
    var paths: [String] = []
    while let next = enumerator?.nextObject() as? String {
        if next.hasSuffix(".yaml") || next.hasSuffix(".yml") { paths.append(folder + "/" + next) }
    }
    return paths.sorted()
}

/// Validates documents with Python's `jsonschema` (Draft 7); returns one line per failure.
private func validate(_ documents: [(String, JSONValue)], schema: JSONValue) throws -> [String] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qrops-schema-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(JSONWriter.write(schema).utf8).write(to: dir.appendingPathComponent("schema.json"))
    // Numbers that are not integers travel as {"__number__": "1.10"} and become floats in Python.
    let docs = JSONValue.array(documents.map { .array([.string($0.0), $0.1]) })
    try Data(JSONWriter.write(docs).utf8).write(to: dir.appendingPathComponent("docs.json"))
    let script = """
        import json, sys, jsonschema
        def fix(v):
            if isinstance(v, dict):
                if list(v.keys()) == ["__number__"]: return float(v["__number__"])
                return {k: fix(x) for k, x in v.items()}
            if isinstance(v, list): return [fix(x) for x in v]
            return v
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft7Validator.check_schema(schema)
        validator = jsonschema.Draft7Validator(schema)
        for path, doc in json.load(open(sys.argv[2])):
            for error in validator.iter_errors(fix(doc)):
                print(f"{path}: {list(error.absolute_path)}: {error.message}")
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, dir.appendingPathComponent("schema.json").path, dir.appendingPathComponent("docs.json").path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    if process.terminationStatus != 0 { return ["validator failed: \(text)"] }
    return text.split(separator: "\n").map(String.init)
}

private func documents(_ paths: [String]) throws -> [(String, JSONValue)] {
    try paths.map { path in
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: repoRoot + "/" + path)))
        let root = try #require(YAMLLoader.load(bytes, path: path).document?.root, "\(path) does not parse")
        return (path, coreJSON(root))
    }
}

@Suite("JSON Schemas for editors")
struct FormatSchemaTests {
    @Test func everyExampleDefaultsFileValidates() throws {
        let paths = yamlFiles(under: "codes").filter { $0.hasSuffix("/_defaults.yaml") }
        #expect(!paths.isEmpty)
        let failures = try validate(documents(paths), schema: FormatSchema.defaultsFile())
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func everyExampleCodeFileValidates() throws {
        let paths = yamlFiles(under: "codes").filter { !$0.hasSuffix("/_defaults.yaml") }
        #expect(paths.count >= 10)
        let failures = try validate(documents(paths), schema: FormatSchema.codeFile())
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func everyExamplePolicyFileValidates() throws {
        let paths = yamlFiles(under: "policies")
        #expect(!paths.isEmpty)
        let failures = try validate(documents(paths), schema: FormatSchema.policyFile())
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func schemaRejectsWhatTheDecoderRejects() throws {
        let bad: [(String, String)] = [
            ("typo", "id: A\nslug: a\ntargt: https://x.example/\n"),
            ("status", "id: A\nslug: a\nstatus: live\n"),
            ("redirect", "id: A\nslug: a\nredirect: 303\n"),
            ("device", "id: A\nslug: a\nroutes:\n  - when: {device: iphone}\n    target: https://x.example/\n"),
            ("date", "id: A\nslug: a\nretire: 2026/01/01\n"),
            ("no slug", "id: A\n"),
        ]
        let docs = try bad.map { name, text in (name, coreJSON(try #require(YAMLLoader.load(text, path: name).document?.root))) }
        let failures = try validate(docs, schema: FormatSchema.codeFile())
        for (name, _) in bad {
            #expect(failures.contains { $0.hasPrefix(name + ":") }, "\(name) was accepted by the schema")
        }
    }

    @Test func schemaKnowsEveryDecoderKey() {
        let text = JSONWriter.write(FormatSchema.codeFile())
        for key in CodeDecoder.keys + RouteDecoder.conditionKeys + ExpectationDecoder.requestKeys + ArtworkDecoder.keys {
            #expect(text.contains("\"\(key)\""), "the schema lacks `\(key)`")
        }
        let policy = JSONWriter.write(FormatSchema.policyFile())
        for section in PolicyDecoder.sections {
            #expect(policy.contains("\"\(section)\""), "the policy schema lacks `\(section)`")
        }
    }
}
