// Drag a storyboard's panels into a new order (with JavaScript on). The "Move up" and "Move down"
// buttons stay: they work without JavaScript and from the keyboard. A drop posts the same moves
// those buttons would, one place at a time, then shows the page again.
const list = document.querySelector('[data-storyboard-panels]')

function panels () {
  return Array.from(list.querySelectorAll('[data-move-url]'))
}

async function move (url, version, direction, token) {
  const body = new URLSearchParams({ version: String(version), direction, csrfmiddlewaretoken: token })
  const response = await fetch(url, { method: 'POST', body, redirect: 'manual', credentials: 'same-origin' })
  return response.type === 'opaqueredirect' || response.ok
}

if (list) {
  let dragged = null
  for (const item of panels()) {
    item.setAttribute('draggable', 'true')
    item.classList.add('together-storyboard-panel--draggable')
    item.addEventListener('dragstart', (event) => {
      dragged = item
      event.dataTransfer.effectAllowed = 'move'
    })
    item.addEventListener('dragover', (event) => {
      if (dragged && dragged !== item) event.preventDefault()
    })
    item.addEventListener('drop', async (event) => {
      event.preventDefault()
      if (!dragged || dragged === item) return
      const all = panels()
      const from = all.indexOf(dragged)
      const to = all.indexOf(item)
      const direction = to < from ? 'up' : 'down'
      const token = list.dataset.csrf
      let version = Number(list.dataset.version)
      for (let step = 0; step < Math.abs(to - from); step++) {
        if (!(await move(dragged.dataset.moveUrl, version, direction, token))) break
        version += 1
      }
      window.location.reload()
    })
  }
}
