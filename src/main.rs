fn main() {
    broadsheet::mount();
}
