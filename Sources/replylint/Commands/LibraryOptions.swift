// Options every command that reads a library shares: which config file, and where the library is.

import ArgumentParser
import Foundation
import ReplyLint

struct LibraryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Config file (default: ./replylint.yml when present).", valueName: "FILE"))
    var config: String?

    var workingDirectory: String { FileManager.default.currentDirectoryPath }

    /// The library root: the folder of the `--config` file when one is given, else the working directory.
    var root: String {
        guard let config else { return workingDirectory }
        let absolute = config.hasPrefix("/") ? config : (workingDirectory as NSString).appendingPathComponent(config)
        return (absolute as NSString).deletingLastPathComponent
    }

    func loadConfiguration() throws -> Configuration {
        try LibraryLoader.loadConfiguration(
            root: root, explicitFile: config, displayBase: workingDirectory, rules: RuleRegistry.descriptions)
    }

    func loader() throws -> LibraryLoader {
        LibraryLoader(
            root: root, displayBase: workingDirectory, configuration: try loadConfiguration(),
            knownRules: RuleRegistry.ids)
    }
}
