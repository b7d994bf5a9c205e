// A report that cannot be written (a full disk) is one line on standard error and exit 2, never a trap
// with a stack trace and never a cut-off report with a passing status (`FileHandle.write` trapped).

import Foundation
import Testing

@Suite struct StandardOutputTests {
    static func runIntoFullDevice(_ arguments: [String]) throws -> CLIResult {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.packageRoot
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: "", stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")),
          arguments: [["lint", "--format", "json"], ["render", "accounts/scam-warning", "--channel", "x-reply", "--var", "customer.first_name=Ana", "--var", "agent.full_name=Jo Reyes"], ["rules", "--format", "markdown"]])
    func aFullDiskIsOneLineAndExitTwo(_ arguments: [String]) throws {
        let result = try Self.runIntoFullDevice(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write to standard output"))
        #expect(!result.stderr.contains("Fatal error"))
    }
}
