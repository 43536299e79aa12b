using System;
using System.Collections.Generic;

namespace Falco.Plugins.Testing.Captures;

/// <summary>What a capture says before its first event: format version, machine, threads and fds, interfaces, users.</summary>
internal sealed record CaptureMetadata(
    Version FormatVersion,
    CaptureMachineInfo? MachineInfo,
    IReadOnlyList<CaptureThread> Threads,
    IReadOnlyList<CaptureInterface> Interfaces,
    IReadOnlyList<CaptureUser> Users,
    IReadOnlyList<CaptureGroup> Groups);
