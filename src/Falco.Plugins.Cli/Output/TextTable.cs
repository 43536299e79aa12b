using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Falco.Plugins.Cli.Output;

/// <summary>A plain-text table: left-aligned columns two spaces apart, the last one unpadded.</summary>
internal static class TextTable
{
    /// <summary>Renders <paramref name="header"/> and <paramref name="rows"/>, each line starting with <paramref name="indent"/>.</summary>
    public static string Render(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        int[] widths = header.Select((title, column) => rows.Select(r => r[column].Length).Append(title.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (IReadOnlyList<string> row in rows.Prepend(header))
        {
            var line = new StringBuilder(indent);
            for (int column = 0; column < row.Count; column++)
            {
                line.Append(column == row.Count - 1 ? row[column] : row[column].PadRight(widths[column] + 2));
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        return text.ToString();
    }
}
