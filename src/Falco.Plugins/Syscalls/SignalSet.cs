using System;
using System.Numerics;

namespace Falco.Plugins.Syscalls;

/// <summary>
/// A set of signals (<c>PT_SIGSET</c>): bit <c>n</c> of <see cref="Mask"/> stands for signal
/// <c>n + 1</c>, as in the kernel's <c>sigset_t</c>.
/// </summary>
/// <param name="Mask">The raw 32-bit mask.</param>
public readonly record struct SignalSet(uint Mask)
{
    /// <summary>Whether the set holds no signal.</summary>
    public bool IsEmpty => Mask == 0;

    /// <summary>The number of signals in the set.</summary>
    public int Count => BitOperations.PopCount(Mask);

    /// <summary>Whether <paramref name="signal"/> (1 to 32) is in the set.</summary>
    public bool Contains(int signal) => signal is >= 1 and <= 32 && (Mask & (1u << (signal - 1))) != 0;

    /// <summary>The signal numbers in the set, in increasing order, without allocating.</summary>
    public Enumerator GetEnumerator() => new(Mask);

    /// <summary>Walks the signal numbers of a <see cref="SignalSet"/>.</summary>
    public struct Enumerator
    {
        private uint _remaining;

        internal Enumerator(uint mask)
        {
            _remaining = mask;
            Current = 0;
        }

        /// <summary>The current signal number.</summary>
        public int Current { get; private set; }

        /// <summary>Moves to the next signal.</summary>
        public bool MoveNext()
        {
            if (_remaining == 0)
            {
                return false;
            }

            int bit = BitOperations.TrailingZeroCount(_remaining);
            _remaining &= _remaining - 1;
            Current = bit + 1;
            return true;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"0x{Mask:x}";
}
