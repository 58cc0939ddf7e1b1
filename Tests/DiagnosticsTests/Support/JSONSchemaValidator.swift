import Foundation

/// Validates JSON against a JSON Schema with the Python `jsonschema` package (a real,
/// independent validator), run as a child process. The draft comes from the schema's own
/// `$schema`; format checks run where the installed package supports them.
enum JSONSchemaValidator {
    struct Outcome {
        var exitCode: Int32
        var report: String
        var isValid: Bool { exitCode == 0 }
    }

    private static let script = """
        import json, sys
        import jsonschema
        with open(sys.argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        with open(sys.argv[2], encoding="utf-8") as f:
            instance = json.load(f)
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(instance), key=lambda e: str(list(e.absolute_path)))
        for e in errors:
            print("/" + "/".join(str(p) for p in e.absolute_path) + ": " + e.message)
        print(cls.__name__ + ": " + ("valid" if not errors else "%d error(s)" % len(errors)))
        sys.exit(1 if errors else 0)
        """

    static func validate(_ json: String, against schema: URL) throws -> Outcome {
        let instance = FileManager.default.temporaryDirectory
            .appendingPathComponent("qrops-schema-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: instance)
        defer { try? FileManager.default.removeItem(at: instance) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path, instance.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(exitCode: process.terminationStatus, report: String(decoding: output, as: UTF8.self))
    }
}
