// Throwaway libraries for tests: a copy of the sample library, or files written by the test.

import Foundation

struct ScratchLibrary {
    let root: URL

    /// An empty folder, removed by `remove()`.
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// A copy of the bundled sample library (replies, policies, replylint.yml).
    static func sample() throws -> ScratchLibrary {
        let library = try ScratchLibrary()
        for item in ["replies", "policies", "replylint.yml"] {
            try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent(item), to: library.root.appendingPathComponent(item))
        }
        return library
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func write(_ path: String, _ text: String) throws {
        let url = url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: url(path))
    }

    /// Every regular file below the library, relative paths, sorted.
    func files() -> [String] {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        var result: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                result.append(String(url.path.dropFirst(root.path.count + 1)))
            }
        }
        return result.sorted()
    }

    func lint(_ arguments: [String] = []) throws -> CLIResult {
        try CLI.run(["lint"] + arguments, in: root)
    }

    func run(_ arguments: [String], stdin: String? = nil) throws -> CLIResult {
        try CLI.run(arguments, in: root, stdin: stdin)
    }

    func delete() {
        try? FileManager.default.removeItem(at: root)
    }
}
