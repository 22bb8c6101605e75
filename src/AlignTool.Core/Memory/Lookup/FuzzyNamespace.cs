// Temporary, for one merge: FuzzyScorer.cs and FuzzyUnits.cs sit in Lookup/ but keep the namespace
// AlignTool.Core.Memory while other edits to them land. Then give both `namespace AlignTool.Core.Memory.Lookup;`
// (FuzzyUnits also `using AlignTool.Core.Memory.Preparation;`), drop `using AlignTool.Core.Memory;` where only
// they needed it, and delete this file.
global using AlignTool.Core.Memory.Preparation;
