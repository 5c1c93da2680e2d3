-- A headless Neovim session against `vigil lsp`, as a user would have it: open a Rust file,
-- save a type error, wait for it to show, save the fix, wait for it to clear, then apply
-- clippy's quick fix through a code action and save. Each observation is a line of JSON in
-- $VIGIL_NVIM_OUT; the Java test asserts on them. Runs on Neovim 0.7 and later.
local out = assert(io.open(os.getenv('VIGIL_NVIM_OUT'), 'w'))
local function note(kind, value)
  out:write(vim.fn.json_encode({ kind = kind, value = value }) .. '\n')
  out:flush()
end

local root = os.getenv('VIGIL_WS')
local lib = root .. '/src/lib.rs'
local cmd = vim.fn.json_decode(os.getenv('VIGIL_LSP_CMD'))
local client = vim.lsp.start_client({
  name = 'vigil',
  cmd = cmd,
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'ws' } },
})
note('client', client ~= nil)
vim.cmd('edit ' .. lib)
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client)

local WAIT = 180000
local function errors()
  return vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.ERROR })
end

local function save(lines)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.cmd('write')
end

-- 1. a type error shows at its line
vim.wait(WAIT, function() return vim.lsp.get_client_by_id(client) ~= nil and vim.lsp.get_client_by_id(client).initialized end, 100)
save({ 'pub fn answer() -> u32 {', '    let s: u32 = "text";', '    s', '}' })
local shown = vim.wait(WAIT, function() return #errors() > 0 end, 100)
local first = errors()[1] or {}
note('error', { shown = shown, lnum = first.lnum, col = first.col, message = first.message, source = first.source, code = first.code })

-- 2. the fix clears it
save({ 'pub fn answer() -> u32 {', '    let s: u32 = 42;', '    s', '}' })
local cleared = vim.wait(WAIT, function() return #errors() == 0 end, 100)
note('cleared', { cleared = cleared, left = #errors() })

-- 3. clippy's quick fix, applied through a code action, changes the file
save({ 'pub fn check(flag: bool) -> u32 {', '    if flag == true {', '        1', '    } else {', '        0', '    }', '}' })
local warned = vim.wait(WAIT, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'clippy::bool_comparison' then return true end
  end
  return false
end, 100)
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = 1, character = 8 }, ['end'] = { line = 1, character = 8 } },
  context = { diagnostics = {} },
}
local answers = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 30000) or {}
local applied = nil
for _, answer in pairs(answers) do
  for _, action in ipairs(answer.result or {}) do
    if applied == nil and action.kind == 'quickfix' and action.edit then
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      applied = action.title
    end
  end
end
vim.cmd('write')
note('quickfix', { warned = warned, applied = applied, line = vim.api.nvim_buf_get_lines(buf, 1, 2, false)[1] })

vim.lsp.stop_client(client)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client) == nil end, 100)
out:close()
vim.cmd('qall!')
