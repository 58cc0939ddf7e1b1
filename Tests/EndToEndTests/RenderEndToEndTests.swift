import Foundation
import Testing

@Suite("qrops render, end to end, on the real binary")
struct RenderEndToEndTests {
    private func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("qrops-render-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func writesAnSVGOfThePhysicalSizeToStdout() throws {
        let output = try QropsProcess.run(["render", "https://qr.acme.example/cx1", "--format", "svg", "--size", "25mm"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("<?xml") || output.stdout.hasPrefix("<svg"))
        #expect(output.stdout.contains("width=\"25mm\""))
        #expect(output.stdout.contains("height=\"25mm\""))
    }

    @Test func pngFileDecodesWithZXing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/code.png"
        let payload = "https://qr.acme.example/Render-e2e?x=1"
        let output = try QropsProcess.run(["render", payload, "--ec", "Q", "-o", file, "--no-compact"])
        #expect(output.status == 0, "\(output.stderr)")
        let decoded = try Tool.run("ZXingReader", [file])
        #expect(decoded.contains(payload), "ZXingReader said: \(decoded)")
    }

    @Test func batchWritesOneFilePerLineNamedByLineNumber() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "https://qr.acme.example/a\r\nhttps://qr.acme.example/b\n12345\n".write(toFile: folder + "/in.txt", atomically: true, encoding: .utf8)
        let output = try QropsProcess.run(["render", "--batch", folder + "/in.txt", "--out", folder + "/out", "--format", "svg"])
        #expect(output.status == 0, "\(output.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/out").sorted()
        #expect(names == ["0.svg", "1.svg", "2.svg"])
    }

    @Test func tooLongPayloadExitsWithOneAndUsageErrorsWithTwo() throws {
        let tooLong = try QropsProcess.run(["render", String(repeating: "x", count: 3000), "--ec", "H", "--format", "svg"])
        #expect(tooLong.status == 1)
        #expect(!tooLong.stderr.isEmpty)
        #expect(try QropsProcess.run(["render", "x", "--ec", "Z"]).status == 2)
        #expect(try QropsProcess.run(["render", "x", "--format", "gif"]).status == 2)
    }
}

/// Runs a decoder from Debian's packages; a missing tool fails the test (never a skip).
enum Tool {
    static func run(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if process.terminationStatus == 127 { Issue.record("\(name) is not installed: run scripts/install-deps.sh") }
        return text
    }
}
