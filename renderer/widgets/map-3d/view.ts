import {
  AmbientLight,
  CanvasTexture,
  Color,
  DirectionalLight,
  Group,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshLambertMaterial,
  PerspectiveCamera,
  RepeatWrapping,
  Scene,
  SRGBColorSpace,
  Vector3,
  type Material,
} from 'three';
import { NO_DATA_FILL, NO_DATA_STRIPE, type Choropleth } from '../common/map-data';
import type { ViewSize, WebglState, WebglView } from '../common/webgl-shared';
import {
  ARCHIPELAGO_HEIGHT,
  MAX_HEIGHT,
  cameraPosition,
  extrusionHeights,
  fitCameraDistance,
  orbitAzimuth,
  swingSamples,
  visibleLabels,
  type OrbitOptions,
} from './model';
import type { GeometrySet } from './scene';

/**
 * One 3D tile's scene, drawn by the window's shared renderer (common/webgl-shared.ts).
 * Holds the meshes (sharing the window's geometry), per-province materials, the lights,
 * the camera's swing and the height tweens; moves the tile's HTML labels after each frame.
 * Materials and the hatch texture are rebuilt whenever the shared context comes back.
 */

const FOV = 30;
const TWEEN_MS = 900;

export interface ViewCallbacks {
  /** The shared context changed state (for the tile's message and data attributes). */
  onContext(state: WebglState, generation: number): void;
}

function hatchTexture(): CanvasTexture | null {
  const size = 32;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = NO_DATA_FILL;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = NO_DATA_STRIPE;
  ctx.lineWidth = 7;
  ctx.beginPath();
  for (const o of [-size, 0, size]) {
    ctx.moveTo(o, size);
    ctx.lineTo(o + size, 0);
  }
  ctx.stroke();
  const texture = new CanvasTexture(canvas);
  texture.wrapS = RepeatWrapping;
  texture.wrapT = RepeatWrapping;
  // ExtrudeGeometry's UVs are plane units: a stripe every ~1.6 units of a 100-unit map.
  texture.repeat.set(0.6, 0.6);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

interface ProvinceMeshes {
  body: Mesh | null;
  archipelago: Mesh | null;
  anchor: [number, number];
}

export class ProvinceMapView implements WebglView {
  readonly scene = new Scene();
  readonly camera = new PerspectiveCamera(FOV, 1, 1, 5000);
  private readonly group = new Group();
  private meshes = new Map<string, ProvinceMeshes>();
  private geometries: GeometrySet | null = null;
  private view: Choropleth | null = null;
  private domain: { min: number; max: number } | undefined;
  private materials = new Map<string, MeshLambertMaterial>();
  private hatchMaterial: MeshLambertMaterial | null = null;
  private hatch: CanvasTexture | null = null;
  private outlineMaterial = new LineBasicMaterial({ color: 0x05080d, transparent: true, opacity: 0.55 });
  private highlightMaterial = new LineBasicMaterial({ color: 0xffffff });
  private heights = new Map<string, { from: number; to: number }>();
  private tweenStart = -1;
  private orbit: OrbitOptions = { speed: 0, amplitude: 0, tilt: 55 };
  private reducedMotion = false;
  private dirty = true;
  private lastFrame = -Infinity;
  private startTime = -1;
  private generation = 0;
  private disposed = false;
  frames = 0;
  private sizeOf: () => ViewSize = () => ({ width: 0, height: 0, ratio: 1 });

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly labels: HTMLElement,
    private readonly root: HTMLElement,
    private readonly callbacks: ViewCallbacks,
  ) {
    this.scene.background = new Color('#0b1119');
    this.camera.up.set(0, 0, 1);
    this.scene.add(new AmbientLight(0xffffff, 0.5 * Math.PI));
    const sun = new DirectionalLight(0xffffff, 0.58 * Math.PI);
    sun.position.set(-40, -60, 120);
    this.scene.add(sun);
    this.scene.add(this.group);
  }

  setSizeSource(fn: () => ViewSize): void {
    this.sizeOf = fn;
    this.dirty = true;
  }

  size(): ViewSize {
    return this.sizeOf();
  }

  setGeometries(set: GeometrySet | null): void {
    if (set === this.geometries) return;
    this.geometries = set;
    this.group.clear();
    this.meshes.clear();
    if (set) {
      for (const p of set.provinces) {
        const material = this.materialFor(p.code);
        const body = p.body ? new Mesh(p.body, material) : null;
        // Named by province code, so that a test (or a debugger) can count what the scene holds.
        if (body) body.name = p.code;
        if (body && p.outline) body.add(new LineSegments(p.outline, this.outlineMaterial));
        const archipelago = p.archipelago ? new Mesh(p.archipelago, material) : null;
        if (archipelago) {
          archipelago.name = p.code;
          archipelago.scale.z = ARCHIPELAGO_HEIGHT;
        }
        if (body) this.group.add(body);
        if (archipelago) this.group.add(archipelago);
        this.meshes.set(p.code, { body, archipelago, anchor: p.anchor });
      }
    }
    this.applyView(false);
    this.dirty = true;
  }

  /** How many provinces have a mesh in the scene (what data-provinces-drawn reports). */
  provincesDrawn(): number {
    const codes = new Set<string>();
    this.group.traverse((o) => {
      if (o instanceof Mesh && o.name) codes.add(o.name);
    });
    return codes.size;
  }

  setView(view: Choropleth, domain: { min: number; max: number } | undefined, animate: boolean): void {
    this.view = view;
    this.domain = domain;
    this.applyView(animate);
    this.dirty = true;
  }

  setOrbit(orbit: OrbitOptions, reducedMotion: boolean): void {
    this.orbit = orbit;
    this.reducedMotion = reducedMotion;
    this.dirty = true;
  }

  /** Something outside the scene changed (size): draw at the next frame. */
  touch(): void {
    this.dirty = true;
  }

  private materialFor(code: string): Material {
    const fill = this.view?.byCode.get(code)?.fill ?? null;
    if (!fill) return this.hatchMat();
    let material = this.materials.get(code);
    if (!material) {
      material = new MeshLambertMaterial({ color: new Color(fill) });
      this.materials.set(code, material);
    } else {
      material.color.set(fill);
    }
    return material;
  }

  private hatchMat(): MeshLambertMaterial {
    if (!this.hatchMaterial) {
      this.hatch = hatchTexture();
      this.hatchMaterial = new MeshLambertMaterial(this.hatch ? { color: 0xffffff, map: this.hatch } : { color: new Color(NO_DATA_FILL) });
    }
    return this.hatchMaterial;
  }

  private currentHeight(code: string, now: number): number {
    const h = this.heights.get(code);
    if (!h) return 0;
    if (this.tweenStart < 0) return h.to;
    const t = Math.min(1, (now - this.tweenStart) / TWEEN_MS);
    const eased = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
    return h.from + (h.to - h.from) * eased;
  }

  /** The highlighted province's top edge in white, the others dark. */
  private applyOutlines(): void {
    const highlight = this.view?.header.highlight?.code;
    for (const [code, meshes] of this.meshes) {
      for (const child of meshes.body?.children ?? []) {
        if (child instanceof LineSegments) child.material = code === highlight ? this.highlightMaterial : this.outlineMaterial;
      }
    }
  }

  private applyView(animate: boolean): void {
    this.applyOutlines();
    const targets = extrusionHeights(this.view, this.domain);
    const now = typeof performance !== 'undefined' ? performance.now() : Date.now();
    const tween = animate && !this.reducedMotion && this.heights.size > 0;
    for (const [code, meshes] of this.meshes) {
      const material = this.materialFor(code);
      if (meshes.body) meshes.body.material = material;
      if (meshes.archipelago) meshes.archipelago.material = material;
      const from = this.currentHeight(code, now);
      const to = targets.get(code) ?? 0;
      this.heights.set(code, { from: tween ? from : to, to });
    }
    this.tweenStart = tween ? now : -1;
  }

  contextChanged(state: WebglState, generation: number): void {
    if (state === 'ready' && generation !== this.generation) {
      if (this.generation !== 0) this.rebuildMaterials();
      this.generation = generation;
      this.dirty = true;
    }
    this.callbacks.onContext(state, generation);
  }

  /** A new renderer: fresh materials and texture (geometry re-uploads by itself). */
  private rebuildMaterials(): void {
    for (const m of this.materials.values()) m.dispose();
    this.materials.clear();
    this.hatchMaterial?.dispose();
    this.hatch?.dispose();
    this.hatchMaterial = null;
    this.hatch = null;
    const [outline, highlight] = [this.outlineMaterial, this.highlightMaterial];
    this.outlineMaterial = new LineBasicMaterial({ color: 0x05080d, transparent: true, opacity: 0.55 });
    this.highlightMaterial = new LineBasicMaterial({ color: 0xffffff });
    outline.dispose();
    highlight.dispose();
    for (const [code, meshes] of this.meshes) {
      const material = this.materialFor(code);
      if (meshes.body) meshes.body.material = material;
      if (meshes.archipelago) meshes.archipelago.material = material;
    }
    this.applyOutlines();
  }

  private moving(): boolean {
    return !this.reducedMotion && this.orbit.speed > 0 && this.orbit.amplitude > 0;
  }

  animating(): boolean {
    return !this.disposed && (this.moving() || this.tweenStart >= 0);
  }

  wantsFrame(now: number, minIntervalMs: number): boolean {
    if (this.disposed || !this.geometries) return false;
    if (this.dirty) return true;
    return this.animating() && now - this.lastFrame >= minIntervalMs - 1;
  }

  prepare(now: number, width: number, height: number) {
    if (!this.geometries) return null;
    if (this.startTime < 0) this.startTime = now;
    for (const [code, meshes] of this.meshes) {
      const h = this.currentHeight(code, now);
      if (meshes.body) meshes.body.scale.z = Math.max(0.01, h);
    }
    if (this.tweenStart >= 0 && now - this.tweenStart >= TWEEN_MS) this.tweenStart = -1;
    const { centre, radius } = this.geometries;
    const aspect = width / height;
    this.camera.aspect = aspect;
    const target: [number, number, number] = [centre[0], centre[1], MAX_HEIGHT * 0.3];
    const distance = this.distanceFor(aspect, target);
    const azimuth = this.moving() ? orbitAzimuth((now - this.startTime) / 1000, this.orbit) : 0;
    const [x, y, z] = cameraPosition(target, azimuth, this.orbit.tilt, distance);
    this.camera.position.set(x, y, z);
    this.camera.lookAt(target[0], target[1], target[2]);
    this.camera.near = Math.max(1, distance - radius * 1.5);
    this.camera.far = distance + radius * 1.5;
    this.camera.updateProjectionMatrix();
    return { scene: this.scene, camera: this.camera };
  }

  private fitted: { key: string; distance: number } | null = null;

  /** The camera distance that keeps the whole map in the frame all through the swing (cached). */
  private distanceFor(aspect: number, target: [number, number, number]): number {
    const moving = this.moving();
    const key = `${aspect.toFixed(3)}|${this.orbit.tilt}|${moving ? this.orbit.amplitude : 0}`;
    if (this.fitted?.key === key) return this.fitted.distance;
    const points: [number, number, number][] = [];
    for (const [x, y] of this.geometries?.outlineSample ?? []) points.push([x, y, 0], [x, y, MAX_HEIGHT]);
    const distance = fitCameraDistance(points, target, this.orbit.tilt, swingSamples(this.orbit.amplitude, moving), FOV, aspect);
    this.fitted = { key, distance };
    return distance;
  }

  drawn(now: number, info?: { quality: number; frameMs: number }): void {
    this.dirty = false;
    this.lastFrame = now;
    this.frames += 1;
    this.root.dataset.frames = String(this.frames);
    if (info) {
      this.root.dataset.webglQuality = info.quality.toFixed(2);
      this.root.dataset.webglFrameMs = info.frameMs.toFixed(1);
    }
    this.placeLabels(now);
  }

  private readonly point = new Vector3();

  private labelSizes = new Map<HTMLElement, { width: number; height: number; badge: number }>();

  /** Labels changed (React re-rendered them): measure them again at the next frame. */
  labelsChanged(): void {
    this.labelSizes.clear();
    this.dirty = true;
  }

  /**
   * Moves each HTML label ([data-label] = province code, [data-archipelago] = its province)
   * over its anchor, then decides what shows (`data-placed`): the archipelagos' names first,
   * then by rank the full label ("yes"), or — where it would meet one already shown — its
   * rank badge alone ("badge"), or nothing ("no"). Text boxes are measured once per change
   * of the labels (labelsChanged), never in the frame loop.
   */
  private placeLabels(now: number): void {
    const { width, height } = this.sizeOf();
    type Item = { code: string; el: HTMLElement; px: number; py: number; size: { width: number; height: number; badge: number }; order: number; front: boolean };
    const items: Item[] = [];
    for (const el of Array.from(this.labels.children) as HTMLElement[]) {
      const code = el.dataset.label ?? el.dataset.archipelago;
      if (!code) continue;
      let anchor: [number, number] | undefined;
      let z: number;
      let order: number;
      if (el.dataset.label) {
        anchor = this.meshes.get(code)?.anchor;
        z = this.currentHeight(code, now) + 0.4;
        order = Number(el.dataset.rank ?? 99);
      } else {
        anchor = this.geometries?.archipelagos.find((a) => a.province === code)?.anchor;
        z = ARCHIPELAGO_HEIGHT + 0.4;
        order = -1;
      }
      if (!anchor) {
        el.dataset.placed = 'no';
        continue;
      }
      this.point.set(anchor[0], anchor[1], z).project(this.camera);
      const px = ((this.point.x + 1) / 2) * width;
      const py = ((1 - this.point.y) / 2) * height;
      el.style.transform = `translate(${px.toFixed(1)}px, ${py.toFixed(1)}px)`;
      let size = this.labelSizes.get(el);
      if (!size) {
        const box = el.firstElementChild as HTMLElement | null;
        const rank = box?.querySelector<HTMLElement>('.map-3d__rank');
        size = { width: box?.offsetWidth ?? 0, height: box?.offsetHeight ?? 0, badge: rank ? rank.offsetWidth + (box!.offsetHeight - rank.offsetHeight) : 0 };
        this.labelSizes.set(el, size);
      }
      items.push({ code, el, px, py, size, order, front: this.point.z < 1 });
    }
    items.sort((a, b) => a.order - b.order);
    type Rect = { left: number; top: number; right: number; bottom: number };
    const inFrame = (r: Rect) => r.left >= -2 && r.top >= -2 && r.right <= width + 2 && r.bottom <= height + 2;
    const meets = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const taken: Rect[] = [];

    // The archipelagos' names first (an official map names them): beside their islands on
    // the east (open sea), else west, below or above; where none fits, below, kept in frame.
    const gap = 6;
    for (const item of items.filter((i) => i.el.dataset.archipelago)) {
      const { width: w, height: h } = item.size;
      const at = (left: number, top: number): Rect => ({ left, top, right: left + w, bottom: top + h });
      const options: Rect[] = [
        at(item.px + gap, item.py - h / 2),
        at(item.px - gap - w, item.py - h / 2),
        at(item.px - w / 2, item.py + gap),
        at(item.px - w / 2, item.py - gap - h),
      ];
      const clampRect = (r: Rect): Rect => {
        const left = Math.min(Math.max(r.left, 0), Math.max(0, width - w));
        const top = Math.min(Math.max(r.top, 0), Math.max(0, height - h));
        return at(left, top);
      };
      const chosen = (item.front ? options.find((r) => inFrame(r) && !taken.some((t) => meets(t, r))) : undefined) ?? clampRect(options[2]!);
      taken.push(chosen);
      item.el.style.transform = `translate(${chosen.left.toFixed(1)}px, ${chosen.top.toFixed(1)}px)`;
      item.el.dataset.placed = item.front ? 'yes' : 'no';
    }

    // Then the provinces by rank: the full label centred above its anchor where it meets
    // nothing shown, else its rank badge alone, else nothing.
    const ranked = items.filter((i) => i.el.dataset.label);
    const rectOf = (item: Item, w: number): Rect => ({ left: item.px - w / 2, top: item.py - item.size.height, right: item.px + w / 2, bottom: item.py });
    const full = visibleLabels([
      ...taken.map((rect, i) => ({ key: `sea${i}`, rect, onScreen: true })),
      ...ranked.map((item) => {
        const rect = rectOf(item, item.size.width);
        return { key: item.code, rect, onScreen: item.front && inFrame(rect) };
      }),
    ]);
    const shownRects = [...taken, ...ranked.filter((i) => full.has(i.code)).map((i) => rectOf(i, i.size.width))];
    const badges = visibleLabels([
      ...shownRects.map((rect, i) => ({ key: `shown${i}`, rect, onScreen: true })),
      ...ranked
        .filter((i) => !full.has(i.code) && i.size.badge > 0)
        .map((item) => {
          const rect = rectOf(item, item.size.badge);
          return { key: item.code, rect, onScreen: item.front && inFrame(rect) };
        }),
    ]);
    for (const item of ranked) item.el.dataset.placed = full.has(item.code) ? 'yes' : badges.has(item.code) ? 'badge' : 'no';
  }

  dispose(): void {
    this.disposed = true;
    for (const m of this.materials.values()) m.dispose();
    this.hatchMaterial?.dispose();
    this.hatch?.dispose();
    this.outlineMaterial.dispose();
    this.highlightMaterial.dispose();
    this.group.clear();
    this.meshes.clear();
  }
}
