import { readFile, stat } from "node:fs/promises";
import * as path from "node:path";
import { issue, Roster, type District, type Geometry, type Issue, type Profile } from "../core";
import { geometryFor, geometryFromGeoJson } from "../report";
import { usageError, type Io, type Options } from "./command";

export const GEOMETRY_OPTION: Options = { geometry: { type: "string" } };
export const GEOMETRY_HELP = `  --geometry FILE   各区形状（GeoJSON：经纬度的 Polygon/MultiPolygon，按名称、全称、英文名或代码对应各区）；
                    省略则用内置形状（若有）
                    the districts' shapes (GeoJSON: Polygon/MultiPolygon in longitude/latitude,
                    matched by name, full name, English name or code); default: the built-in shapes, if any`;

/**
 * The shapes to map these districts with: the GeoJSON file given, else the profile's when they
 * cover this district list, else none (an issue says how to bring them). A missing file is a
 * usage error; a file that is not GeoJSON, or matches no district, is an error issue.
 */
export async function loadGeometry(
  file: string | undefined,
  profile: Profile | undefined,
  districts: readonly District[],
  io: Io,
): Promise<{ geometry?: Geometry; issues: Issue[] }> {
  if (file === undefined) {
    const geometry = geometryFor(profile, districts);
    if (geometry) return { geometry, issues: [] };
    return {
      issues: [
        issue(
          "error",
          "geometry-missing",
          "这些行政区没有内置地图形状：请用 --geometry 提供 GeoJSON 文件",
          "there are no built-in shapes for these districts: give a GeoJSON file with --geometry",
        ),
      ],
    };
  }
  const full = path.resolve(io.cwd, file);
  const info = await stat(full).catch(() => undefined);
  if (!info?.isFile()) throw usageError(`找不到形状文件 ${file}`, `geometry file not found: ${file}`);
  const name = path.basename(file);
  let json: unknown;
  try {
    json = JSON.parse((await readFile(full, "utf8")).replace(/^\uFEFF/, ""));
  } catch (e) {
    const why = String((e as Error)?.message ?? e).split("\n")[0];
    return { issues: [issue("error", "geometry-invalid", `${name} 不是有效的 JSON（${why}）`, `${name} is not valid JSON (${why})`)] };
  }
  return geometryFromGeoJson(json, new Roster(districts), name);
}
