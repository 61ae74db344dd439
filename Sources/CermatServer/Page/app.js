// Cermat's page: sends the chosen workbooks to this server's API, shows the findings, offers the annotated copies.
// Plain JavaScript, no build step; every text from a workbook is put in the page as text, never as HTML.
"use strict";

const words = {
  id: {
    tagline: "Periksa buku kerja perencanaan dan kinerja sebelum dikirim",
    switchTo: "English",
    tokenLabel: "Server ini meminta token akses. Masukkan token dari pengelola server:",
    tokenSave: "Simpan",
    dropTitle: "Tarik dan lepas berkas .xlsx di sini",
    dropHint: "Satu atau beberapa berkas; beberapa berkas diperiksa sebagai satu set dokumen (Renstra, Renja, PK, IKU, LKjIP).",
    choose: "Pilih berkas…",
    privacy: "Berkas hanya dikirim ke server ini, diperiksa di memori, lalu dibuang.",
    errors: "kesalahan",
    warnings: "peringatan",
    infos: "info",
    preparing: "Menyiapkan salinan beranotasi…",
    downloadOne: "Unduh salinan beranotasi (.xlsx)",
    downloadMany: "Unduh salinan beranotasi (.zip)",
    downloadFailed: "Salinan beranotasi tidak dapat dibuat: ",
    severity: "Tingkat",
    rule: "Aturan",
    all: "Semua",
    errorOne: "Kesalahan",
    warningOne: "Peringatan",
    infoOne: "Info",
    colSeverity: "Tingkat",
    colFile: "Berkas",
    colSheet: "Sheet",
    colCell: "Sel",
    colRule: "Aturan",
    colMessage: "Pesan",
    colExpected: "Seharusnya",
    colActual: "Tercetak",
    noFindings: "Tidak ada temuan. Buku kerja ini konsisten menurut semua aturan Cermat.",
    footer: "Cermat juga melayani portal unggah dan CI: POST /api/lint (json, sarif, junit), POST /api/annotate, GET /api/rules.",
    checking: (n) => `Memeriksa ${n} berkas…`,
    checked: (n) => `${n} berkas diperiksa.`,
    shown: (shown, total) => `${shown} dari ${total} temuan ditampilkan`,
    tables: (n) => `${n} tabel dikenali`,
    needToken: "Masukkan token akses untuk melanjutkan.",
    notXlsx: (names) => `Hanya berkas .xlsx yang dapat diperiksa: ${names}`,
    failed: "Gagal: ",
  },
  en: {
    tagline: "Check planning and performance workbooks before you submit them",
    switchTo: "Bahasa Indonesia",
    tokenLabel: "This server asks for an access token. Enter the token from the server's administrator:",
    tokenSave: "Save",
    dropTitle: "Drag and drop .xlsx files here",
    dropHint: "One or several files; several files are checked as one document set (Renstra, Renja, PK, IKU, LKjIP).",
    choose: "Choose files…",
    privacy: "Files are sent to this server only, checked in memory, then discarded.",
    errors: "errors",
    warnings: "warnings",
    infos: "info",
    preparing: "Preparing the annotated copies…",
    downloadOne: "Download the annotated copy (.xlsx)",
    downloadMany: "Download the annotated copies (.zip)",
    downloadFailed: "The annotated copy could not be made: ",
    severity: "Severity",
    rule: "Rule",
    all: "All",
    errorOne: "Error",
    warningOne: "Warning",
    infoOne: "Info",
    colSeverity: "Severity",
    colFile: "File",
    colSheet: "Sheet",
    colCell: "Cell",
    colRule: "Rule",
    colMessage: "Message",
    colExpected: "Expected",
    colActual: "Actual",
    noFindings: "No findings. This workbook is consistent by every Cermat rule.",
    footer: "Cermat also serves upload portals and CI: POST /api/lint (json, sarif, junit), POST /api/annotate, GET /api/rules.",
    checking: (n) => `Checking ${n} file${n === 1 ? "" : "s"}…`,
    checked: (n) => `${n} file${n === 1 ? "" : "s"} checked.`,
    shown: (shown, total) => `${shown} of ${total} findings shown`,
    tables: (n) => `${n} table${n === 1 ? "" : "s"} recognised`,
    needToken: "Enter the access token to continue.",
    notXlsx: (names) => `Only .xlsx files can be checked: ${names}`,
    failed: "Failed: ",
  },
};

const state = {
  language: localStorage.getItem("cermat-language") === "en" ? "en" : "id",
  files: [],
  report: null,
  downloadURL: null,
  run: 0,
};

const $ = (id) => document.getElementById(id);
const say = () => words[state.language];

function applyLanguage() {
  document.documentElement.lang = state.language;
  for (const element of document.querySelectorAll("[data-text]")) {
    const text = say()[element.dataset.text];
    if (typeof text === "string") element.textContent = text;
  }
  $("language").textContent = say().switchTo;
  $("language").lang = state.language === "id" ? "en" : "id";
}

function setStatus(text, failed = false) {
  $("status").textContent = text;
  $("status").classList.toggle("failed", failed);
}

function token() {
  return sessionStorage.getItem("cermat-token");
}

// A POST of the chosen files to the API; a 401 asks for the token once and tries again.
async function post(path) {
  const form = new FormData();
  for (const file of state.files) form.append("files", file, file.name);
  const headers = {};
  if (token()) headers.Authorization = `Bearer ${token()}`;
  const response = await fetch(`${path}${path.includes("?") ? "&" : "?"}lang=${state.language}`, { method: "POST", body: form, headers });
  if (response.status === 401) {
    sessionStorage.removeItem("cermat-token");
    $("token-panel").hidden = false;
    $("token-input").focus();
    throw new Error(say().needToken);
  }
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    try {
      const body = await response.json();
      message = body.error + (body.files ? "\n" + body.files.map((f) => f.error).join("\n") : "");
    } catch (_) { /* not JSON: keep the status */ }
    throw new Error(message);
  }
  return response;
}

async function check() {
  if (state.files.length === 0) return;
  const run = ++state.run;
  $("results").hidden = true;
  setStatus(say().checking(state.files.length));
  try {
    const report = await (await post("/api/lint?format=json")).json();
    if (run !== state.run) return;
    state.report = report;
    showReport();
    setStatus(say().checked(report.files.length));
    prepareDownload(run);
  } catch (error) {
    if (run === state.run) setStatus(say().failed + error.message, true);
  }
}

// The annotated copies are made once the findings are on screen, then offered as a link.
async function prepareDownload(run) {
  $("download").hidden = true;
  $("download-wait").hidden = false;
  $("download-wait").textContent = say().preparing;
  if (state.downloadURL) URL.revokeObjectURL(state.downloadURL);
  state.downloadURL = null;
  try {
    const response = await post("/api/annotate");
    const blob = await response.blob();
    if (run !== state.run) return;
    state.downloadURL = URL.createObjectURL(blob);
    const link = $("download");
    link.href = state.downloadURL;
    link.download = fileName(response.headers.get("Content-Disposition")) || "cermat.xlsx";
    link.textContent = state.files.length === 1 ? say().downloadOne : say().downloadMany;
    link.hidden = false;
    $("download-wait").hidden = true;
  } catch (error) {
    if (run === state.run) $("download-wait").textContent = say().downloadFailed + error.message;
  }
}

function fileName(disposition) {
  if (!disposition) return null;
  const exact = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (exact) return decodeURIComponent(exact[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : null;
}

function showReport() {
  const report = state.report;
  $("count-error").textContent = report.summary.errors;
  $("count-warning").textContent = report.summary.warnings;
  $("count-info").textContent = report.summary.info;

  const list = $("file-list");
  list.replaceChildren();
  for (const file of report.files) {
    const item = document.createElement("li");
    item.textContent = `${file.path}: ${file.status === "ok" ? say().tables(file.tables.length) : file.error}`;
    if (file.status !== "ok") item.className = "failed";
    list.append(item);
  }

  const ruleSelect = $("filter-rule");
  const chosen = ruleSelect.value;
  const counts = new Map();
  for (const finding of report.findings) counts.set(finding.rule, (counts.get(finding.rule) || 0) + 1);
  ruleSelect.replaceChildren(option("", say().all));
  for (const rule of [...counts.keys()].sort()) ruleSelect.append(option(rule, `${rule} (${counts.get(rule)})`));
  ruleSelect.value = counts.has(chosen) ? chosen : "";

  $("findings").classList.toggle("single", report.files.length === 1);
  $("results").hidden = false;
  showFindings();
}

function option(value, text) {
  const element = document.createElement("option");
  element.value = value;
  element.textContent = text;
  return element;
}

function showFindings() {
  const report = state.report;
  const severity = $("filter-severity").value;
  const rule = $("filter-rule").value;
  const shown = report.findings.filter((f) => (!severity || f.severity === severity) && (!rule || f.rule === rule));
  const number = new Intl.NumberFormat(state.language === "id" ? "id-ID" : "en-US", { maximumFractionDigits: 2 });
  const names = { error: say().errorOne, warning: say().warningOne, info: say().infoOne };
  const rows = shown.map((finding) => {
    const row = document.createElement("tr");
    const badge = document.createElement("span");
    badge.className = `badge ${finding.severity}`;
    badge.textContent = names[finding.severity] || finding.severity;
    const severityCell = document.createElement("td");
    severityCell.append(badge);
    row.append(severityCell,
      cell(finding.file, "file-column"), cell(finding.sheet), cell(finding.cell, "cell"), cell(finding.rule, "rule"),
      cell(finding.message, "message"),
      cell(finding.expected === undefined ? "" : number.format(finding.expected), "number"),
      cell(finding.actual === undefined ? "" : number.format(finding.actual), "number"));
    return row;
  });
  $("findings").querySelector("tbody").replaceChildren(...rows);
  $("findings").hidden = report.findings.length === 0;
  $("no-findings").hidden = report.findings.length !== 0;
  $("shown").textContent = say().shown(shown.length, report.findings.length);
}

function cell(text, className) {
  const element = document.createElement("td");
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

function choose(fileList) {
  const files = [...fileList];
  const wrong = files.filter((file) => !file.name.toLowerCase().endsWith(".xlsx"));
  if (wrong.length > 0) {
    setStatus(say().notXlsx(wrong.map((file) => file.name).join(", ")), true);
    return;
  }
  if (files.length === 0) return;
  state.files = files;
  check();
}

document.addEventListener("DOMContentLoaded", () => {
  applyLanguage();
  $("files").addEventListener("change", (event) => choose(event.target.files));
  const drop = $("drop");
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    choose(event.dataTransfer.files);
  });
  drop.addEventListener("keydown", (event) => { if (event.key === "Enter" || event.key === " ") $("files").click(); });
  $("filter-severity").addEventListener("change", showFindings);
  $("filter-rule").addEventListener("change", showFindings);
  $("language").addEventListener("click", () => {
    state.language = state.language === "id" ? "en" : "id";
    localStorage.setItem("cermat-language", state.language);
    applyLanguage();
    // Messages come from the server in one language: check again in the other.
    if (state.files.length > 0) check();
  });
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem("cermat-token", $("token-input").value.trim());
    $("token-input").value = "";
    $("token-panel").hidden = true;
    check();
  });
});
