// The shapes of an assessment's entities in plane coordinates, as a profile carries them (the
// measures a map needs from them are in src/report/geometry.ts).

/** x east, y south (as SVG draws), in the geometry's units. */
export type Point = readonly [number, number];
/** A closed ring; the last point is not repeated. Outer rings wind one way, holes the other. */
export type Ring = readonly Point[];

/** One entity's shape: every ring of every part (islands included). */
export interface EntityShape {
  /** The district id of the roster (`District.id`). */
  id: string;
  rings: readonly Ring[];
}

export interface Geometry {
  /** Kilometres per unit: 0.1 means a unit is 100 m. */
  unitKm: number;
  /** The frame: every point lies in [0, width] × [0, height]. */
  width: number;
  height: number;
  shapes: readonly EntityShape[];
}
