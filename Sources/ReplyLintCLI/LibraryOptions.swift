// Options every command that reads a library shares: which config file, and where the library is.

import ArgumentParser
import Foundation
import ReplyLint

package struct LibraryOptions: ParsableArguments {
    package init() {}

    @Option(name: .long, help: ArgumentHelp("Config file (default: ./replylint.yml when present).", valueName: "FILE"))
    package var config: String?

    package var workingDirectory: String { FileManager.default.currentDirectoryPath }

    /// The library root: the folder of the `--config` file when one is given, else the working directory.
    package var root: String {
        guard let config else { return workingDirectory }
        let absolute = config.hasPrefix("/") ? config : (workingDirectory as NSString).appendingPathComponent(config)
        return (absolute as NSString).deletingLastPathComponent
    }

    package func loadConfiguration() throws -> Configuration {
        try LibraryLoader.loadConfiguration(
            root: root, explicitFile: config, displayBase: workingDirectory, rules: RuleRegistry.descriptions)
    }

    /// A loader for the library; with `readingUsage`, it reads `faq-unused`'s counts from the usage log.
    func loader(readingUsage: Bool = true) throws -> LibraryLoader {
        let configuration = try loadConfiguration()
        var loader = LibraryLoader(root: root, displayBase: workingDirectory, configuration: configuration, knownRules: RuleRegistry.ids)
        if readingUsage { loader.usage = UsageQuery.faqUnused(try usageLog(configuration), configuration: configuration) }
        return loader
    }

    /// The usage log `REPLYLINT_USAGE_LOG` or `configuration` names; nil when switched off. `replylint`
    /// opens an SQLite log itself; a PostgreSQL log is handed over to `replylint-server`, which links
    /// the PostgreSQL client and sets `UsageLogBackend.open`.
    package func usageLog(_ configuration: Configuration) throws -> (any UsageStore)? {
        let location: UsageLogLocation
        do {
            location = try UsageLogLocation.resolve(
                setting: configuration.usageLog,
                environment: ProcessInfo.processInfo.environment[UsageLogLocation.environmentVariable], root: root)
        } catch {
            throw LoadError(error.message)
        }
        if let open = UsageLogBackend.open { return open(location) }
        switch location {
        case .off: return nil
        case .sqlite(let path): return SQLiteUsageStore(path: path)
        case .postgres: throw HandOver(reason: "a PostgreSQL usage log")
        }
    }

    /// The files the user named, as findings show them.
    func displayPaths(of paths: [String], loader: LibraryLoader) throws -> Set<String> {
        try loader.displayPaths(of: paths)
    }

    func load(_ loader: LibraryLoader, extraPaths: [String]) throws -> Library {
        try loader.load(extraPaths: extraPaths)
    }

    /// `path` (relative to the working directory) as UTF-8 text, or nil when it cannot be read.
    func readText(_ path: String) -> String? {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
        return FileManager.default.contents(atPath: url.path).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// Stops the run (exit 2) when `--output` or `--write-baseline` names a file of the library (a reply,
    /// policy, partial or replylint.yml), before anything is written: only --fix changes what a user wrote.
    func refuseOverwriting(_ path: String?, as option: String, loader: LibraryLoader) throws {
        guard let path else { return }
        let absolute = path.hasPrefix("/") ? path : (workingDirectory as NSString).appendingPathComponent(path)
        if loader.isLibraryFile(absolute) {
            throw LoadError("\(path): \(option) would overwrite or add a file of the library (replies, policies, replylint.yml); write it elsewhere — only --fix changes what you wrote")
        }
    }

    /// Writes `text` to `path` (relative to the working directory), or says why it could not.
    func write(_ path: String, _ text: String) throws {
        let absolute = path.hasPrefix("/") ? path : (workingDirectory as NSString).appendingPathComponent(path)
        // A reply that is a link out of the library is never read, so never fixed; this holds even if it were.
        if FileManager.default.fileExists(atPath: absolute), (try? FileManager.default.destinationOfSymbolicLink(atPath: absolute)) != nil,
           !LibraryLoader.writesInside(absolute, root: root) {
            throw LoadError("\(path): a link to a file outside the library; ReplyLint never writes outside it")
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true)))
        } catch {
            throw LoadError("\(path): cannot write (\(error.localizedDescription)); check the folder exists and is writable")
        }
    }
}
