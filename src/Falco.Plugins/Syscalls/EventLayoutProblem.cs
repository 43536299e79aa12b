namespace Falco.Plugins.Syscalls;

/// <summary>Why the bytes of an event do not form a valid event of the expected code.</summary>
internal enum EventLayoutProblem
{
    None,
    ShorterThanHeader,
    LengthOutsideBuffer,
    OtherCode,
    UnknownCode,
    TooManyParams,
    LengthTableOutsideEvent,
    LengthsDoNotAddUp,
}
