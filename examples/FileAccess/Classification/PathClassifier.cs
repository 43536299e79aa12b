using System;

namespace Falco.Plugins.Examples.FileAccess.Classification;

/// <summary>Gives a path its class: the class of the first rule that matches it, or the default class.</summary>
internal sealed class PathClassifier
{
    private readonly PathRule[] _rules;
    private readonly int _defaultClass;

    public PathClassifier(PathRule[] rules, FileClasses classes, int defaultClass)
    {
        _rules = rules;
        Classes = classes;
        _defaultClass = defaultClass;
    }

    /// <summary>The classes the rules give.</summary>
    public FileClasses Classes { get; }

    /// <summary>The class of <paramref name="path"/>.</summary>
    public int Classify(ReadOnlySpan<byte> path)
    {
        foreach (PathRule rule in _rules)
        {
            if (rule.Matches(path))
            {
                return rule.ClassIndex;
            }
        }

        return _defaultClass;
    }
}
