#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A deliberately tiny HTTP/1.1 client: it writes the request bytes exactly as given (no
/// normalisation, no redirect following: URLSession on Linux cannot be stopped from following
/// redirects reliably) and reads the answer until the server closes the connection.
enum RawHTTPClient {
    struct Response: Sendable, CustomStringConvertible {
        var status: Int
        /// Header names as sent, values as raw bytes (without the trailing CRLF).
        var headers: [(name: String, value: [UInt8])]
        var raw: [UInt8]

        /// The first header with this name (case-insensitive).
        func header(_ name: String) -> [UInt8]? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        var location: [UInt8]? { header("Location") }

        var description: String {
            let head = raw.firstRange(of: [13, 10, 13, 10]).map { Array(raw[..<$0.lowerBound]) } ?? raw
            return String(decoding: head, as: UTF8.self)
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `GET target` with `Host` and the given headers (in order), `Connection: close`.
    static func get(port: Int, target: [UInt8], host: String, headers: [(String, String)], from client: String?) throws -> Response {
        var request = Array("GET ".utf8) + target + Array(" HTTP/1.1\r\nHost: \(host)\r\n".utf8)
        for (name, value) in headers { request += Array("\(name): \(value)\r\n".utf8) }
        request += Array("Connection: close\r\n\r\n".utf8)
        return try send(request, port: port, from: client)
    }

    static func send(_ request: [UInt8], port: Int, from client: String?) throws -> Response {
        let fd = try LoopbackSocket.connect(port: port, from: client)
        defer { close(fd) }
        var offset = 0
        while offset < request.count {
            let written = request[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { throw Failure(description: "write failed: errno \(errno)") }
            offset += written
        }
        var raw: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            guard count > 0 else {
                if raw.isEmpty { throw Failure(description: "read failed: errno \(errno)") }
                break
            }
            raw += buffer[..<count]
        }
        return try parse(raw)
    }

    static func parse(_ raw: [UInt8]) throws -> Response {
        guard let end = raw.firstRange(of: [13, 10, 13, 10]) else {
            throw Failure(description: "no complete response head in \(raw.count) bytes: \(String(decoding: raw.prefix(300), as: UTF8.self))")
        }
        let lines = raw[..<end.lowerBound].split(separator: 10, omittingEmptySubsequences: false).map { line in
            line.last == 13 ? Array(line.dropLast()) : Array(line)
        }
        guard let statusLine = lines.first, statusLine.starts(with: Array("HTTP/1.".utf8)), statusLine.count >= 12,
              let status = Int(String(decoding: statusLine[9..<12], as: UTF8.self)) else {
            throw Failure(description: "malformed status line: \(String(decoding: lines.first ?? [], as: UTF8.self))")
        }
        var headers: [(name: String, value: [UInt8])] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: 58) else { continue }
            var value = line[(colon + 1)...]
            while value.first == 32 || value.first == 9 { value = value.dropFirst() }
            while value.last == 32 || value.last == 9 { value = value.dropLast() }
            headers.append((String(decoding: line[..<colon], as: UTF8.self), Array(value)))
        }
        return Response(status: status, headers: headers, raw: raw)
    }
}
